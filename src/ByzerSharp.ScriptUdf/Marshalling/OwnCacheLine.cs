using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ByzerSharp.ScriptUdf.Marshalling;

/// <summary>
/// A few ints that one thread updates on every row, on cache lines that no other object shares.
/// </summary>
/// <remarks>
/// The GC packs surviving objects next to each other, so the per-thread writers of one function (and
/// whatever else survived with them) can end up on the same 64-byte line. A counter in an object's
/// fields, written per row by one core, then takes that line away from the other core reading its own
/// writer's fields on every row: the same <c>upper</c> query cost 1.2-1.7x more CPU in some processes
/// than in others, depending on where the writers landed (docs/performance.md). The ints live in the
/// middle of a 40-long array: its elements 16-23 are at least 128 bytes from either end, so any line
/// holding them holds nothing but this array's unused elements, for 64-byte lines and for the 128-byte
/// ones of Apple's cores (and of Intel's adjacent-line prefetch). They are reached without a bounds
/// check, which would read the array's length at its start, on a line that may be shared.
/// </remarks>
internal readonly struct OwnCacheLine
{
    public const int Capacity = 16;

    private const int Padding = 16;

    private readonly long[] _slots;

    public OwnCacheLine() => _slots = new long[(2 * Padding) + (Capacity / 2)];

    /// <summary>Int <paramref name="index"/> (0 … <see cref="Capacity"/> - 1) of the line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref int Int(int index) =>
        ref Unsafe.Add(ref Unsafe.As<long, int>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), Padding)), index);
}
