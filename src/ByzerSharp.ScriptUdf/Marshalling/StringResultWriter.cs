using System.Runtime.CompilerServices;
using System.Text;
using ByzerSharp.DuckDb.Native;

namespace ByzerSharp.ScriptUdf.Marshalling;

/// <summary>
/// The VARCHAR result column of a function. Values of up to 12 bytes are written inline, like
/// <see cref="StringWriter"/>; longer ones are encoded one after the other into a buffer that
/// <see cref="Complete"/> copies into DuckDB's string heap in a single call, each row's
/// duckdb_string_t then pointing into that copy. Allocating every string on DuckDB's heap one call at
/// a time cost about as much as all the rest of a short string's round trip. Only for the top-level
/// result: nested string vectors move when their parent list grows, so they keep the per-row copy.
/// </summary>
[SkipLocalsInit]
internal sealed unsafe class StringResultWriter : VectorWriter<string?>
{
    private const int InitialBuffer = 16 * 1024;

    // One copy per chunk normally; a chunk of huge strings is handed over in pieces of about this size,
    // far below the 4 GB a duckdb_string_t can describe.
    private const int FlushBytes = 64 * 1024 * 1024;

    private byte[] _buffer = GC.AllocateUninitializedArray<byte>(InitialBuffer);
        private Pending[] _pending = new Pending[2048];
    private byte* _data;

    // The bytes used in _buffer and the entries used in _pending, updated per row: on a line of their own.
    private readonly OwnCacheLine _counters = new();

    private ref int Used => ref _counters.Int(0);

    private ref int Count => ref _counters.Int(1);

    public override void Refresh()
    {
        base.Refresh();
        _data = (byte*)DuckDbNative.VectorGetData(Vector);
        // Bound once per chunk: whatever a failed chunk left behind is dropped here.
        Used = 0;
        Count = 0;
        if (_buffer.Length > FlushBytes)
        {
            _buffer = GC.AllocateUninitializedArray<byte>(InitialBuffer);
        }
    }

    public override void Write(ulong row, string? value)
    {
        if (value is null)
        {
            WriteNull(row);
            return;
        }
        if (value.Length <= DuckString.InlineBytes && DuckValues.TryWriteInline(_data + (row * 16), value))
        {
            return;
        }
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        ref var used = ref Used;
        if (_buffer.Length - used < max)
        {
            Grow(max);
        }
        // More than 12 bytes: a string of more than 12 chars has at least that many bytes, and a shorter
        // one only comes here when its UTF-8 form did not fit inline.
        var length = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(used));
        ref var count = ref Count;
        if (count == _pending.Length)
        {
            Array.Resize(ref _pending, count * 2);
        }
        _pending[count++] = new Pending(row, used, length);
        used += length;
    }

    /// <summary>Copies the pending strings to DuckDB and points their rows at the copy.</summary>
    public override void Complete()
    {
        var count = Count;
        if (count == 0)
        {
            return;
        }
        var first = _pending[0].Row;
        fixed (byte* p = _buffer)
        {
            DuckDbNative.UnsafeVectorAssignStringElementLen(Vector, first, p, (ulong)Used);
        }
        var heap = *(byte**)(_data + (first * 16) + 8);
        for (var i = 0; i < count; i++)
        {
            var pending = _pending[i];
            var slot = _data + (pending.Row * 16);
            var text = heap + pending.Offset;
            *(uint*)slot = (uint)pending.Length;
            *(uint*)(slot + 4) = *(uint*)text;
            *(byte**)(slot + 8) = text;
        }
        Used = 0;
        Count = 0;
    }

    private void Grow(int needed)
    {
        if (Count > 0 && Used + (long)needed > FlushBytes)
        {
            Complete();
            if (_buffer.Length >= needed)
            {
                return;
            }
        }
        var size = Math.Max((long)Used + needed, 2L * _buffer.Length);
        var bigger = GC.AllocateUninitializedArray<byte>((int)Math.Min(size, Array.MaxLength));
        _buffer.AsSpan(0, Used).CopyTo(bigger);
        _buffer = bigger;
    }

    private readonly record struct Pending(ulong Row, int Offset, int Length);
}
