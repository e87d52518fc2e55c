using ByzerSharp.DuckDb;
using DuckDB.NET.Data;
using Xunit;

namespace ByzerSharp.Tests.DuckDb;

/// <summary>
/// BlobVectorWriter reads an internal property of DuckDB.NET by reflection: these tests fail when an
/// upgrade of DuckDB.NET moves it.
/// </summary>
public sealed class BlobVectorWriterTests
{
    [Fact]
    public void FindsTheNativeVectorOfAScalarFunctionsWriter()
    {
        using var connection = Open();
        var vectors = new List<IntPtr>();
#pragma warning disable DuckDBNET001
        connection.RegisterScalarFunction<long, byte[]>("blob_vector_probe", (_, writer, rows) =>
        {
            vectors.Add(BlobVectorWriter.Vector(writer));
            for (ulong i = 0; i < rows; i++)
            {
                writer.WriteNull(i);
            }
        }, new ScalarFunctionOptions { IsPureFunction = false });
#pragma warning restore DuckDBNET001
        Scalar(connection, "SELECT count(blob_vector_probe(1))");
        Assert.NotEmpty(vectors);
        Assert.All(vectors, v => Assert.NotEqual(IntPtr.Zero, v));
    }

    [Fact]
    public void WritesBlobsOfEverySizeAndNulls()
    {
        using var connection = Open();
#pragma warning disable DuckDBNET001
        // n → n bytes of value n % 256 (DuckDB inlines blobs up to 12 bytes, so both layouts are covered); NULL → NULL.
        connection.RegisterScalarFunction<long, byte[]>("blob_of", (arguments, writer, rows) =>
        {
            var vector = BlobVectorWriter.Vector(writer);
            for (ulong i = 0; i < rows; i++)
            {
                if (!arguments[0].IsValid(i))
                {
                    writer.WriteNull(i);
                    continue;
                }
                var n = arguments[0].GetValue<long>(i);
                BlobVectorWriter.Write(vector, i, Enumerable.Repeat((byte)(n % 256), (int)n).ToArray());
            }
        }, new ScalarFunctionOptions { IsPureFunction = false });
#pragma warning restore DuckDBNET001
        Assert.Equal("BLOB", Scalar(connection, "SELECT typeof(blob_of(1))"));
        Assert.Equal(0L, Scalar(connection, "SELECT octet_length(blob_of(0))"));
        Assert.Equal("\\x07\\x07\\x07\\x07\\x07\\x07\\x07", Scalar(connection, "SELECT blob_of(7)::VARCHAR"));
        Assert.Equal(DBNull.Value, Scalar(connection, "SELECT blob_of(NULL)"));
        // 5,000 rows span three vectors; every blob has its own length and value.
        Assert.Equal(0L, Scalar(connection,
            "SELECT count(*) FROM (SELECT i, blob_of(i) AS b FROM range(5000) r(i)) " +
            "WHERE b IS DISTINCT FROM unhex(repeat(printf('%02X', i % 256), i::INT))"));
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
