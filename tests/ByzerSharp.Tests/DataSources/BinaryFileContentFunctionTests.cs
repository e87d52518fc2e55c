using ByzerSharp.DataSources.BinaryFile;
using DuckDB.NET.Data;
using Xunit;

namespace ByzerSharp.Tests.DataSources;

/// <summary>
/// The content function called directly, as no listing calls it: NULL arguments, values DuckDB keeps
/// inline (up to 12 bytes) and on its heap, bytes that are not text, and how it is registered.
/// </summary>
public sealed class BinaryFileContentFunctionTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public BinaryFileContentFunctionTests()
    {
        _connection.Open();
        BinaryFileContentFunction.Register(_connection);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void WritesEachFilesBytesExactlyAndNullWhereAnArgumentIsNull()
    {
        byte[][] contents =
        [
            [],
            [0xFF, 0xFE, 0x00, 0x80],
            [.. Enumerable.Range(0x80, 12).Select(b => (byte)b)],
            [.. Enumerable.Range(0x80, 13).Select(b => (byte)b)],
            RandomBytes(5000, 1),
        ];
        var files = contents.Select((bytes, k) => Write($"f{k}.bin", bytes)).ToArray();
        Execute("CREATE TABLE files (k INTEGER, path VARCHAR, length BIGINT, modified_ns BIGINT)");
        for (var k = 0; k < files.Length; k++)
        {
            var version = BinaryFileReader.Stat(files[k]);
            // Half the paths as the listing has them, with the file: scheme.
            var path = k % 2 == 0 ? files[k] : "file:" + files[k];
            Execute($"INSERT INTO files VALUES ({k}, '{path}', {version.Length}, {version.ModifiedNanos})");
        }

        // 5,000 rows span three vectors; every 7th row has a NULL, in each argument in turn.
        using var command = _connection.CreateCommand();
        command.CommandText = $"""
            SELECT i, {BinaryFileContentFunction.Name}(
                CASE WHEN i % 21 = 0 THEN NULL ELSE path END,
                CASE WHEN i % 21 = 7 THEN NULL ELSE length END,
                CASE WHEN i % 21 = 14 THEN NULL ELSE modified_ns END)
            FROM range(5000) r(i) JOIN files ON k = i % {files.Length} ORDER BY i
            """;
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            var i = reader.GetInt64(0);
            if (i % 7 == 0)
            {
                Assert.True(reader.IsDBNull(1), $"row {i}");
            }
            else
            {
                Assert.Equal(contents[i % files.Length], Bytes(reader.GetStream(1)));
            }
            rows++;
        }
        Assert.Equal(5000, rows);
    }

    [Fact]
    public void IsVolatileSoDuckDbNeitherFoldsNorReusesIt()
    {
        Assert.Equal("VOLATILE", Scalar($"SELECT stability FROM duckdb_functions() WHERE function_name = '{BinaryFileContentFunction.Name}'"));
    }

    [Fact]
    public void ALengthNoByteArrayCanHoldIsAnErrorNamingTheFile()
    {
        var file = Write("a.bin", [1, 2, 3]);
        var error = Assert.Throws<DuckDBException>(() => Scalar($"SELECT {BinaryFileContentFunction.Name}('file:{file}', 9999999999, 0)"));
        Assert.Contains($"The length of file:{file} is 9999999999, which exceeds the max length allowed: {Array.MaxLength}", error.Message, StringComparison.Ordinal);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Bytes(Stream blob)
    {
        using var copy = new MemoryStream();
        blob.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
