using ByzerSharp.DataSources.BinaryFile;
using DuckDB.NET.Data;
using Xunit;

namespace ByzerSharp.Tests.DataSources;

public sealed class BinaryFileReaderTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadsEveryFileInOrderAcrossBatches()
    {
        // Enough files for several workers: their slices must come back in file order.
        var count = 256 * 4 + 17;
        var files = Enumerable.Range(0, count).Select(i => _dir.Write($"f{i:00000}.bin", new string('x', i % 7))).ToList();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE t " + BinaryFileReader.TableDefinition);
        var progress = 0;
        BinaryFileReader.Read(connection, "t", files, TimeZoneInfo.Utc, n => progress += n);

        Assert.Equal(count, progress);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT path, length, content FROM t";
        using var reader = command.ExecuteReader();
        var i = 0;
        while (reader.Read())
        {
            Assert.Equal("file:" + files[i], reader.GetString(0));
            Assert.Equal(i % 7, reader.GetInt64(1));
            var content = (Stream)reader.GetValue(2);
            Assert.Equal(i % 7, content.Length);
            i++;
        }
        Assert.Equal(count, i);
    }

    [Fact]
    public void KeepsFileOrderWhenASliceOutgrowsOneAppenderFlush()
    {
        // DuckDB's appender flushes every ~200,000 rows; with two slices of 250,000 rows the second one's rows landed first.
        var names = Enumerable.Range(0, 8).Select(i => _dir.Write($"g{i}.bin", "")).ToList();
        var files = Enumerable.Range(0, 2 * 250_000).Select(i => names[i * 8 / (2 * 250_000)]).ToList();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE t " + BinaryFileReader.TableDefinition);
        BinaryFileReader.Read(connection, "t", files, TimeZoneInfo.Utc, _ => { }, workers: 2);

        using var command = connection.CreateCommand();
        // In storage order the paths only ever step up (the files are named in order), once per file.
        command.CommandText = "SELECT count(*) FILTER (WHERE path < previous), count(*) FILTER (WHERE path > previous), count(*) FROM (SELECT path, lag(path) OVER (ORDER BY rowid) AS previous FROM t)";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(0L, reader.GetInt64(0));
        Assert.Equal(7L, reader.GetInt64(1));
        Assert.Equal(files.Count, reader.GetInt64(2));
    }

    [Fact]
    public void ModificationTimeIsTheWallClockOfTheSessionZone()
    {
        var file = _dir.Write("t.bin", "abc");
        var utc = new DateTime(2024, 7, 1, 12, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, utc);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var row = BinaryFileReader.ReadOne(file, zone);
        Assert.Equal(new DateTime(2024, 7, 1, 20, 0, 0), row.ModificationTime);
        Assert.Equal(3, row.Length);
        Assert.Equal("abc"u8.ToArray(), row.Content);
    }

    [Fact]
    public void ReadsSubSecondModificationTimeAndEmptyFiles()
    {
        var file = _dir.Write("empty.bin", "");
        var utc = new DateTime(2024, 7, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567);
        File.SetLastWriteTimeUtc(file, utc);
        var row = BinaryFileReader.ReadOne(file, TimeZoneInfo.Utc);
        Assert.Equal(utc.Ticks, row.ModificationTime.Ticks);
        Assert.Equal(0, row.Length);
        Assert.Empty(row.Content);
    }

    [Fact]
    public void AMissingFileIsAnIOExceptionNamingIt()
    {
        var file = System.IO.Path.Combine(_dir.Path, "gone.bin");
        var error = Assert.ThrowsAny<IOException>(() => BinaryFileReader.ReadOne(file, TimeZoneInfo.Utc));
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderIsAnIOException()
    {
        Directory.CreateDirectory(System.IO.Path.Combine(_dir.Path, "sub"));
        Assert.ThrowsAny<IOException>(() => BinaryFileReader.ReadOne(System.IO.Path.Combine(_dir.Path, "sub"), TimeZoneInfo.Utc));
    }

    [Fact]
    public void EmptyListAppendsNothing()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE t " + BinaryFileReader.TableDefinition);
        BinaryFileReader.Read(connection, "t", [], TimeZoneInfo.Utc, _ => Assert.Fail("no progress expected"));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM t";
        Assert.Equal(0L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
