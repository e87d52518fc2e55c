using System.Reflection;
using DuckDB.NET.Data.DataChunk.Writer;
using DuckDB.NET.Native;

namespace ByzerSharp.DuckDb;

/// <summary>
/// Writes BLOB values into the output vector of a DuckDB.NET scalar function.
/// </summary>
/// <remarks>
/// DuckDB.NET 1.5.6.1 has no public way to do this: <see cref="IDuckDBDataWriter.WriteValue{T}"/> takes
/// a <c>byte[]</c> for a list ("Cannot write ICollection to Blob column") and does not map
/// <c>Stream</c>. Its writers keep the native vector handle in the internal property
/// <c>VectorDataWriterBase.Vector</c>; this is the one place that reads it by reflection. The bytes are
/// then copied into the vector by DuckDB's C API (<c>duckdb_vector_assign_string_element_len</c>, which
/// DuckDB.NET.Bindings exposes publicly). <c>BlobVectorWriterTests</c> fail if an upgrade of DuckDB.NET
/// moves the property; a newer DuckDB.NET with a public BLOB writer makes this file unnecessary.
/// </remarks>
public static unsafe class BlobVectorWriter
{
    private const string WriterType = "DuckDB.NET.Data.DataChunk.Writer.VectorDataWriterBase";

    private static readonly MethodInfo VectorGetter = FindVectorGetter();

    /// <summary>The native duckdb_vector behind a writer DuckDB.NET passed to a scalar function.</summary>
    public static IntPtr Vector(IDuckDBDataWriter writer)
    {
        if (!VectorGetter.DeclaringType!.IsInstanceOfType(writer))
        {
            throw new InvalidOperationException($"DuckDB.NET passed a {writer.GetType().FullName}, not a {WriterType}; see BlobVectorWriter");
        }
        return (IntPtr)VectorGetter.Invoke(writer, null)!;
    }

    /// <summary>Copies <paramref name="length"/> bytes into row <paramref name="row"/> of a BLOB vector.</summary>
    public static void Write(IntPtr vector, ulong row, byte* data, long length) =>
        NativeMethods.Vectors.DuckDBVectorAssignStringElementLength(vector, row, data, length);

    /// <summary>Copies <paramref name="data"/> into row <paramref name="row"/> of a BLOB vector.</summary>
    public static void Write(IntPtr vector, ulong row, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            Write(vector, row, start, data.Length);
        }
    }

    private static MethodInfo FindVectorGetter()
    {
        var type = typeof(IDuckDBDataWriter).Assembly.GetType(WriterType);
        var getter = type?.GetProperty("Vector", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)?.GetMethod;
        if (getter is null || getter.ReturnType != typeof(IntPtr))
        {
            throw new InvalidOperationException(
                $"DuckDB.NET {typeof(IDuckDBDataWriter).Assembly.GetName().Version} has no IntPtr property {WriterType}.Vector: " +
                "BlobVectorWriter must be adapted to this version (or replaced by its public BLOB writer)");
        }
        return getter;
    }
}
