using System.Runtime.CompilerServices;

namespace ByzerSharp.DuckDb.Native;

/// <summary>
/// duckdb_string_t, a VARCHAR or BLOB value in a vector's data: 16 bytes holding the length, then the
/// bytes themselves when they fit in 12, else a 4-byte prefix and a pointer to them.
/// </summary>
internal static unsafe class DuckString
{
    public const int Size = 16;

    /// <summary>The longest value kept inside the slot rather than on the vector's heap.</summary>
    public const int InlineBytes = 12;

    /// <summary>The bytes of row <paramref name="row"/>; valid only while DuckDB holds the vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Bytes(void* data, ulong row) => Bytes((byte*)data + (row * Size));

    /// <summary>The bytes of the value in <paramref name="slot"/>; valid only while DuckDB holds the vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Bytes(byte* slot)
    {
        var length = *(uint*)slot;
        return new ReadOnlySpan<byte>(length <= InlineBytes ? slot + 4 : *(byte**)(slot + 8), (int)length);
    }
}
