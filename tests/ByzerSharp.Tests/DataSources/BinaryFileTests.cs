using System.Globalization;
using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using Xunit;

namespace ByzerSharp.Tests.DataSources;

/// <summary>
/// load binaryFile lists the files; the content column reads each file when a query needs it, at the
/// version (length, modification time) the load listed.
/// </summary>
public sealed class BinaryFileTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly ByzerEngine _engine = new(new ByzerOptions { TimeZone = "UTC" });

    public void Dispose()
    {
        _engine.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void ContentMatchesEveryFileAcrossVectorsIncludingEmptyFiles()
    {
        // 3,000 files: two DuckDB vectors of 2,048 rows, read in parallel; every 10th file is empty.
        var files = Enumerable.Range(0, 3000).Select(i => WriteBytes($"f{i:00000}.bin", i % 10 == 0 ? 0 : 1 + i % 4099, i)).ToList();
        using var session = _engine.CreateSession();
        var rows = session.Run($"load binaryFile.`{_dir.Path}` as b; select path, length, content from b as r;").Table!.Rows;

        Assert.Equal(files.Count, rows.Count);
        for (var i = 0; i < files.Count; i++)
        {
            Assert.Equal("file:" + files[i], rows[i][0]);
            var expected = File.ReadAllBytes(files[i]);
            Assert.Equal(expected.LongLength, rows[i][1]);
            Assert.Equal(expected, Assert.IsType<byte[]>(rows[i][2]));
        }
    }

    [Fact]
    public void AFileLargerThanOneReadBatchIsReadWhole()
    {
        // Reads are batched by 16 MB: a bigger file gets a batch of its own between small ones.
        var small = WriteBytes("a.bin", 100, 1);
        var big = WriteBytes("b.bin", (17 << 20) + 3, 2);
        WriteBytes("c.bin", 5, 3);
        using var session = _engine.CreateSession();
        var rows = session.Run($"load binaryFile.`{_dir.Path}` as b; select length, content from b order by path as r;").Table!.Rows;

        Assert.Equal(3, rows.Count);
        Assert.Equal(new FileInfo(big).Length, rows[1][0]);
        Assert.Equal(File.ReadAllBytes(big), rows[1][1]);
        Assert.Equal(File.ReadAllBytes(small), rows[0][1]);
    }

    [Fact]
    public void QueriesThatDoNotReadContentNeverOpenTheFiles()
    {
        var files = Enumerable.Range(0, 50).Select(i => WriteBytes($"f{i:00}.bin", i, i)).ToList();
        using var session = _engine.CreateSession();
        session.Run($"load binaryFile.`{_dir.Path}` as b;");
        files.ForEach(File.Delete);

        var row = session.Run("select count(*), sum(length), max(path) from b as r;").Table!.Rows.Single();
        Assert.Equal(50L, Convert.ToInt64(row[0], CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(0, 50).Sum(), Convert.ToInt64(row[1], CultureInfo.InvariantCulture));
        Assert.Equal("file:" + files[^1], row[2]);

        var error = Assert.Throws<ByzerException>(() => session.Run("select content from b as r;"));
        Assert.Equal(ErrorKind.Runtime, error.Kind);
        // The first missing file in path order, whichever thread met its own first.
        Assert.Contains($"cannot read the content of file:{files[0]} listed by load binaryFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWhoseLengthChangedAfterTheLoadIsAnErrorUntilLoadedAgain()
    {
        var file = WriteBytes("a.bin", 3, 1);
        using var session = _engine.CreateSession();
        session.Run($"load binaryFile.`{_dir.Path}` as b;");
        File.WriteAllBytes(file, [1, 2, 3, 4, 5]);

        var error = Assert.Throws<ByzerException>(() => session.Run("select content from b as r;"));
        Assert.Contains($"file:{file} changed after load binaryFile listed it (length 3,", error.Message, StringComparison.Ordinal);
        Assert.Contains("now length 5", error.Message, StringComparison.Ordinal);
        // The listing itself still answers, as loaded.
        Assert.Equal(3L, session.Run("select length from b as r;").Table!.Rows.Single()[0]);

        var reloaded = session.Run($"load binaryFile.`{_dir.Path}` as b; select length, content from b as r;").Table!.Rows.Single();
        Assert.Equal(5L, reloaded[0]);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, reloaded[1]);
    }

    [Fact]
    public void AFileRewrittenWithTheSameLengthButANewTimeIsAnError()
    {
        var file = WriteBytes("a.bin", 4, 1);
        File.SetLastWriteTimeUtc(file, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using var session = _engine.CreateSession();
        session.Run($"load binaryFile.`{_dir.Path}` as b;");
        File.WriteAllBytes(file, [9, 9, 9, 9]);
        File.SetLastWriteTimeUtc(file, new DateTime(2024, 1, 1, 0, 0, 1, DateTimeKind.Utc));

        var error = Assert.Throws<ByzerException>(() => session.Run("select content from b as r;"));
        Assert.Contains("changed after load binaryFile listed it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModificationTimeIsTheWallClockOfTheSessionZoneAndSubSecondTimesPinExactly()
    {
        var file = WriteBytes("t.bin", 3, 7);
        var utc = new DateTime(2024, 7, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567);
        File.SetLastWriteTimeUtc(file, utc);
        using var engine = new ByzerEngine(new ByzerOptions { TimeZone = "Asia/Shanghai" });
        using var session = engine.CreateSession();
        var row = session.Run($"load binaryFile.`{file}` as b; select modificationTime, length(content) from b as r;").Table!.Rows.Single();

        // TIMESTAMP keeps microseconds; the pinned version keeps the file system's nanoseconds, so the content still reads.
        Assert.Equal(new DateTime(2024, 7, 1, 20, 0, 0).AddTicks(1_234_560), Convert.ToDateTime(row[0], CultureInfo.InvariantCulture));
        Assert.Equal(3L, Convert.ToInt64(row[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ReadOneReadsAFileNowWithItsZonedTime()
    {
        var file = WriteBytes("one.bin", 5, 3);
        File.SetLastWriteTimeUtc(file, new DateTime(2024, 7, 1, 12, 0, 0, DateTimeKind.Utc));
        var row = ByzerSharp.DataSources.BinaryFile.BinaryFileReader.ReadOne(file, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Equal("file:" + file, row.Path);
        Assert.Equal(new DateTime(2024, 7, 1, 20, 0, 0), row.ModificationTime);
        Assert.Equal(5, row.Length);
        Assert.Equal(File.ReadAllBytes(file), row.Content);
        Assert.ThrowsAny<IOException>(() => ByzerSharp.DataSources.BinaryFile.BinaryFileReader.ReadOne(_dir.Path, TimeZoneInfo.Utc));
    }

    [Fact]
    public void TheTableIsAViewOverTheListing()
    {
        WriteBytes("a.bin", 3, 1);
        using var session = _engine.CreateSession();
        session.Run($"load binaryFile.`{_dir.Path}` as b;");
        var entry = session.Catalog.Get("b", null);
        Assert.Equal(TableKind.View, entry.Kind);
        Assert.Equal("load binaryFile", entry.Origin);
    }

    private string WriteBytes(string name, int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
