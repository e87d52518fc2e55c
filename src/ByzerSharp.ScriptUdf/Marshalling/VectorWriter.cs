using System.Buffers;
using System.Text;
using ByzerSharp.DuckDb.Native;

namespace ByzerSharp.ScriptUdf.Marshalling;

/// <summary>
/// Writes C# values into a DuckDB vector. <see cref="Refresh"/> re-reads the buffers after a parent
/// LIST grew the vector (DuckDB may move them). One instance per thread, like the readers.
/// </summary>
internal abstract unsafe class VectorWriter
{
    private ulong* _validity;

    protected IntPtr Vector { get; private set; }

    public void Bind(IntPtr vector)
    {
        Vector = vector;
        Refresh();
    }

    public virtual void Refresh() => _validity = null;

    /// <summary>Finishes a chunk: called once after its last row by the function that bound this writer.</summary>
    public virtual void Complete()
    {
    }

    public virtual void WriteNull(ulong row)
    {
        if (_validity == null)
        {
            DuckDbNative.VectorEnsureValidityWritable(Vector);
            _validity = DuckDbNative.VectorGetValidity(Vector);
        }
        DuckDbNative.SetInvalid(_validity, row);
    }
}

internal abstract class VectorWriter<T> : VectorWriter
{
    public abstract void Write(ulong row, T value);
}

internal sealed unsafe class PrimitiveWriter<T> : VectorWriter<T>
    where T : unmanaged
{
    private T* _data;

    public override void Refresh()
    {
        base.Refresh();
        _data = (T*)DuckDbNative.VectorGetData(Vector);
    }

    public override void Write(ulong row, T value) => _data[row] = value;
}

internal sealed unsafe class DecimalWriter : VectorWriter<decimal>
{
    private Int128* _data;

    public override void Refresh()
    {
        base.Refresh();
        _data = (Int128*)DuckDbNative.VectorGetData(Vector);
    }

    public override void Write(ulong row, decimal value) => _data[row] = DuckValues.WriteDecimal(value);
}

internal sealed unsafe class TimestampWriter : VectorWriter<DateTime>
{
    private long* _data;

    public override void Refresh()
    {
        base.Refresh();
        _data = (long*)DuckDbNative.VectorGetData(Vector);
    }

    public override void Write(ulong row, DateTime value) => _data[row] = DuckValues.WriteTimestamp(value);
}

internal sealed unsafe class DateWriter : VectorWriter<DateOnly>
{
    private int* _data;

    public override void Refresh()
    {
        base.Refresh();
        _data = (int*)DuckDbNative.VectorGetData(Vector);
    }

    public override void Write(ulong row, DateOnly value) => _data[row] = DuckValues.WriteDate(value);
}

/// <summary>
/// VARCHAR: UTF-8 encoded. A string of up to 12 bytes is written straight into the vector's
/// 16-byte slot (DuckDB's inline form, the common case of short values), longer ones are copied
/// by DuckDB into the vector's string heap.
/// </summary>
// Without SkipLocalsInit every row would zero the 512-byte stack buffer before encoding into it,
// a measurable share of a short string's cost.
[System.Runtime.CompilerServices.SkipLocalsInit]
internal sealed unsafe class StringWriter : VectorWriter<string?>
{
    private const int StackLimit = 512;

    private byte* _data;

    public override void Refresh()
    {
        base.Refresh();
        _data = (byte*)DuckDbNative.VectorGetData(Vector);
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
        byte[]? rented = null;
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(value, buffer);
            fixed (byte* p = buffer)
            {
                DuckDbNative.UnsafeVectorAssignStringElementLen(Vector, row, p, (ulong)length);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}

/// <summary>BLOB: the bytes as they are (what DuckDB.NET's generic writer cannot do).</summary>
internal sealed unsafe class BlobWriter : VectorWriter<byte[]?>
{
    private static readonly byte[] Empty = [0];

    public override void Write(ulong row, byte[]? value)
    {
        if (value is null)
        {
            WriteNull(row);
            return;
        }
        // A pinned empty array has no address; DuckDB still wants a valid pointer.
        fixed (byte* p = value.Length == 0 ? Empty : value)
        {
            DuckDbNative.UnsafeVectorAssignStringElementLen(Vector, row, p, (ulong)value.Length);
        }
    }
}

internal sealed class NullableWriter<T>(VectorWriter<T> inner) : VectorWriter<T?>
    where T : struct
{
    public override void Refresh()
    {
        base.Refresh();
        inner.Bind(Vector);
    }

    public override void Write(ulong row, T? value)
    {
        if (value is { } v)
        {
            inner.Write(row, v);
        }
        else
        {
            WriteNull(row);
        }
    }
}
