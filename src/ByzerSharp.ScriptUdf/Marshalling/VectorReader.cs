using ByzerSharp.DuckDb.Native;

namespace ByzerSharp.ScriptUdf.Marshalling;

/// <summary>
/// Reads one DuckDB vector as C# values. Bound to a vector once per chunk; <c>Read</c> does not
/// look at validity (the caller decides what NULL means), <see cref="IsValid"/> does.
/// One instance per thread: DuckDB calls functions from several threads at once.
/// </summary>
internal abstract unsafe class VectorReader
{
    private ulong* _validity;

    public virtual void Bind(IntPtr vector) => _validity = DuckDbNative.VectorGetValidity(vector);

    public bool IsValid(ulong row) => DuckDbNative.IsValid(_validity, row);
}

internal abstract class VectorReader<T> : VectorReader
{
    public abstract T Read(ulong row);
}

/// <summary>Fixed-width values stored as the C# type itself (BOOLEAN, TINYINT … DOUBLE).</summary>
internal sealed unsafe class PrimitiveReader<T> : VectorReader<T>
    where T : unmanaged
{
    private T* _data;

    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        _data = (T*)DuckDbNative.VectorGetData(vector);
    }

    public override T Read(ulong row) => _data[row];
}

internal sealed unsafe class StringReader : VectorReader<string>
{
    private byte* _data;

    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        _data = (byte*)DuckDbNative.VectorGetData(vector);
    }

    public override string Read(ulong row) => DuckValues.ReadString(_data + (row * 16));
}

internal sealed unsafe class BlobReader : VectorReader<byte[]>
{
    private byte* _data;

    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        _data = (byte*)DuckDbNative.VectorGetData(vector);
    }

    public override byte[] Read(ulong row) => DuckString.Bytes(_data, row).ToArray();
}

internal sealed unsafe class DecimalReader : VectorReader<decimal>
{
    private Int128* _data;

    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        _data = (Int128*)DuckDbNative.VectorGetData(vector);
    }

    public override decimal Read(ulong row) => DuckValues.ReadDecimal(_data[row]);
}

internal sealed unsafe class TimestampReader : VectorReader<DateTime>
{
    private long* _data;

    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        _data = (long*)DuckDbNative.VectorGetData(vector);
    }

    public override DateTime Read(ulong row) => DuckValues.ReadTimestamp(_data[row]);
}

internal sealed unsafe class DateReader : VectorReader<DateOnly>
{
    private int* _data;

    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        _data = (int*)DuckDbNative.VectorGetData(vector);
    }

    public override DateOnly Read(ulong row) => DuckValues.ReadDate(_data[row]);
}

/// <summary>int? and friends: NULL becomes null.</summary>
internal sealed class NullableReader<T>(VectorReader<T> inner) : VectorReader<T?>
    where T : struct
{
    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        inner.Bind(vector);
    }

    public override T? Read(ulong row) => IsValid(row) ? inner.Read(row) : null;
}

/// <summary>Reference types: NULL becomes null.</summary>
internal sealed class NullPassingReader<T>(VectorReader<T> inner) : VectorReader<T?>
    where T : class
{
    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        inner.Bind(vector);
    }

    public override T? Read(ulong row) => IsValid(row) ? inner.Read(row) : null;
}

/// <summary>A non-nullable value inside a collection: a NULL there cannot be represented, so it is an error.</summary>
internal sealed class NonNullReader<T>(VectorReader<T> inner, string typeName) : VectorReader<T>
    where T : struct
{
    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        inner.Bind(vector);
    }

    public override T Read(ulong row) => IsValid(row)
        ? inner.Read(row)
        : throw new InvalidOperationException($"a NULL element cannot be passed as {typeName}; declare the element type as {typeName}? to receive NULLs");
}
