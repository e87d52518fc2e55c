using ByzerSharp.Delta.Read;
using Xunit;
using Xunit.Abstractions;

namespace ByzerSharp.Delta.Tests;

/// <summary>
/// Every table of shared/conformance/delta-golden/MANIFEST.tsv (written by real Spark): read tables equal
/// expected/, reject tables fail clearly, advanced tables read exactly or are refused naming their feature.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    public sealed record Entry(string Table, string Kind, bool HasExpected, string Note);

    public static TheoryData<string> Tables()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Manifest())
        {
            data.Add(entry.Table);
        }
        if (TestPaths.Conformance is null)
        {
            // One visible case that reports the corpus as missing instead of a silently empty theory.
            data.Add("<corpus missing>");
        }
        return data;
    }

    private static List<Entry> Manifest()
    {
        if (TestPaths.Conformance is not { } root)
        {
            return [];
        }
        return File.ReadAllLines(Path.Combine(root, "MANIFEST.tsv"))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(c => new Entry(c[0], c[1], c[2] == "yes", c.Length > 4 ? c[4] : ""))
            .ToList();
    }

    [Fact]
    public void CorpusIsPresent()
    {
        if (TestPaths.Conformance is null)
        {
            output.WriteLine("NOTICE: shared/conformance/delta-golden was not found above " + TestPaths.RepoRoot + "; the conformance tests did not run.");
            Console.WriteLine("NOTICE: Delta conformance corpus (shared/conformance/delta-golden) not found: conformance tests skipped.");
            return;
        }
        Assert.True(Manifest().Count > 80, "the MANIFEST lists the golden tables");
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Table(string name)
    {
        if (TestPaths.Conformance is not { } root)
        {
            output.WriteLine("NOTICE: conformance corpus missing; nothing was checked.");
            Console.WriteLine("NOTICE: Delta conformance corpus missing: " + name + " skipped.");
            return;
        }
        var entry = Manifest().Single(e => e.Table == name);
        var tablePath = Path.Combine(root, name, "delta");
        using var duck = new Duck();
        switch (entry.Kind)
        {
            case "read":
                AssertReadsAsExpected(duck, tablePath, Path.Combine(root, name, "expected"));
                break;
            case "reject":
                var error = Assert.Throws<DeltaException>(() => DeltaScan.Sql(DeltaTable.Open(tablePath).Snapshot(), duck.Connection));
                output.WriteLine($"{name}: {error.Kind}: {error.Message}");
                Assert.NotEqual(DeltaErrorKind.Usage, error.Kind);
                break;
            case "advanced":
                try
                {
                    var sql = DeltaScan.Sql(DeltaTable.Open(tablePath).Snapshot(), duck.Connection);
                    output.WriteLine($"{name}: read");
                    AssertSame(duck, sql, Path.Combine(root, name, "expected"));
                }
                catch (DeltaException e) when (e.Kind == DeltaErrorKind.Unsupported)
                {
                    output.WriteLine($"{name}: refused: {e.Message}");
                    var features = entry.Note.Replace("reader features:", "", StringComparison.Ordinal).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    Assert.Contains(features, f => e.Message.Contains($"'{f}'", StringComparison.Ordinal));
                }
                break;
            case "log-only":
                // Hand-made logs with fake paths: they replay to a snapshot, or (when they lack a schema or
                // metadata on purpose) fail as a corrupt log, never with an unexpected exception.
                try
                {
                    var snapshot = DeltaTable.Open(tablePath).Snapshot();
                    output.WriteLine($"{name}: version {snapshot.Version}, {snapshot.Files.Count} live files");
                }
                catch (DeltaException e)
                {
                    output.WriteLine($"{name}: {e.Kind}: {e.Message}");
                    Assert.Equal(DeltaErrorKind.Corrupt, e.Kind);
                }
                break;
            default:
                output.WriteLine($"{name}: {entry.Kind} ({entry.Note}) not checked");
                break;
        }
    }

    [Fact]
    public void CheckpointTableKeepsOnlyTheLastFile()
    {
        if (TestPaths.Conformance is not { } root)
        {
            Console.WriteLine("NOTICE: Delta conformance corpus missing: CheckpointTableKeepsOnlyTheLastFile skipped.");
            return;
        }
        // 15 commits each add file i and remove i-1, with a checkpoint at 10: only "15" is live.
        var snapshot = DeltaTable.Open(Path.Combine(root, "checkpoint", "delta")).Snapshot();
        Assert.Equal(["15"], snapshot.Files.Select(f => f.DecodedPath));
    }

    /// <summary>With the commits up to the checkpoint deleted, only the checkpoint (and its sidecars) can rebuild the table.</summary>
    [Theory]
    [InlineData("multi-part-checkpoint")]
    [InlineData("basic-with-inserts-deletes-checkpoint")]
    [InlineData("v2-checkpoint-json")]
    [InlineData("v2-checkpoint-parquet")]
    public void CheckpointAloneRebuildsTheTable(string name)
    {
        if (TestPaths.Conformance is not { } root)
        {
            Console.WriteLine("NOTICE: Delta conformance corpus missing: CheckpointAloneRebuildsTheTable skipped.");
            return;
        }
        using var temp = new TempDir();
        var copy = temp.Sub("delta");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, name, "delta"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Path.Combine(root, name, "delta"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var listing = DeltaTable.Open(copy).Listing();
        var checkpoint = listing.Checkpoints.First(c => c.Complete).Version;
        foreach (var (version, file) in listing.Commits.Where(c => c.Key <= checkpoint))
        {
            File.Delete(file);
        }
        using var duck = new Duck();
        AssertReadsAsExpected(duck, copy, Path.Combine(root, name, "expected"));
    }

    /// <summary>Appending to a Spark table up to the next checkpoint: our checkpoint carries Spark's adds and reads back alone.</summary>
    [Fact]
    public void AppendsToASparkTableAndCheckpointsIt()
    {
        if (TestPaths.Conformance is not { } root)
        {
            Console.WriteLine("NOTICE: Delta conformance corpus missing: AppendsToASparkTableAndCheckpointsIt skipped.");
            return;
        }
        using var temp = new TempDir();
        var source = Path.Combine(root, "basic-with-inserts-deletes-checkpoint", "delta");
        var copy = temp.Sub("delta");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        using var duck = new Duck();
        var writer = new Write.DeltaWriter(duck.Connection);
        var latest = DeltaTable.Open(copy).LatestVersion();
        for (var v = latest + 1; v <= 20; v++)
        {
            writer.Write($"(SELECT CAST(1000 + {v} AS BIGINT) AS id)", copy, new Write.WriteOptions { Mode = Write.WriteMode.Append });
        }
        var log = Path.Combine(copy, "_delta_log");
        Assert.True(File.Exists(Path.Combine(log, "00000000000000000020.checkpoint.parquet")));
        for (var v = 0; v <= 20; v++)
        {
            File.Delete(Path.Combine(log, Log.LogListing.CommitName(v)));
        }
        duck.Execute("CREATE VIEW actual AS " + DeltaScan.Sql(DeltaTable.Open(copy).Snapshot(), duck.Connection));
        duck.Execute($"CREATE VIEW expected AS SELECT * FROM read_parquet({Delta.Sql.Str(Path.Combine(root, "basic-with-inserts-deletes-checkpoint", "expected", "*.parquet"))}) UNION ALL SELECT CAST(1000 + range AS BIGINT) FROM range({latest + 1}, 21)");
        Assert.Equal(0, duck.Difference("actual", "expected"));
        Assert.Equal(41 + 20 - latest, duck.Long("SELECT count(*) FROM actual"));
    }

    /// <summary>Spark's golden time-travel table: commits at start, +20 min, +40 min (mtimes set, since a copy loses them).</summary>
    [Fact]
    public void TimestampAsOfOnSparksTimeTravelTable()
    {
        if (TestPaths.Conformance is not { } root)
        {
            Console.WriteLine("NOTICE: Delta conformance corpus missing: TimestampAsOfOnSparksTimeTravelTable skipped.");
            return;
        }
        using var temp = new TempDir();
        var source = Path.Combine(root, "time-travel-start-start20-start40", "delta");
        var copy = temp.Sub("delta");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1540415658000);
        for (var v = 0; v < 3; v++)
        {
            File.SetLastWriteTimeUtc(Path.Combine(copy, "_delta_log", Log.LogListing.CommitName(v)), start.AddMinutes(20 * v).UtcDateTime);
        }
        var table = DeltaTable.Open(copy);
        using var duck = new Duck();
        long Rows(DateTimeOffset at) => duck.Long($"SELECT count(*) FROM ({DeltaScan.Sql(table.Snapshot(table.VersionAsOf(at)), duck.Connection)})");
        Assert.Equal(10, Rows(start));
        Assert.Equal(10, Rows(start.AddMinutes(19)));
        Assert.Equal(20, Rows(start.AddMinutes(20)));
        Assert.Equal(30, Rows(start.AddMinutes(40)));
        Assert.Throws<DeltaException>(() => table.VersionAsOf(start.AddMilliseconds(-1)));
        Assert.Throws<DeltaException>(() => table.VersionAsOf(start.AddMinutes(41)));
    }

    private static void AssertReadsAsExpected(Duck duck, string tablePath, string expected) =>
        AssertSame(duck, DeltaScan.Sql(DeltaTable.Open(tablePath).Snapshot(), duck.Connection), expected);

    private static void AssertSame(Duck duck, string sql, string expectedDir)
    {
        duck.Execute("CREATE OR REPLACE VIEW actual AS " + sql);
        duck.Execute($"CREATE OR REPLACE VIEW expected AS SELECT * FROM read_parquet({Delta.Sql.Str(Path.Combine(expectedDir, "*.parquet"))}, hive_partitioning=false, union_by_name=true)");
        var actualColumns = duck.Describe("actual");
        var expectedColumns = duck.Describe("expected");
        Assert.Equal(expectedColumns.Select(c => c.Name.ToLowerInvariant()), actualColumns.Select(c => c.Name.ToLowerInvariant()));
        Assert.Equal(expectedColumns.Select(c => Family(c.Type)), actualColumns.Select(c => Family(c.Type)));
        Assert.Equal(duck.Long("SELECT count(*) FROM expected"), duck.Long("SELECT count(*) FROM actual"));
        Assert.Equal(0, duck.Difference("actual", "expected"));
    }

    /// <summary>Timestamps compare as one family: Spark's INT96 expected files read as naive TIMESTAMP.</summary>
    private static string Family(string type) => type.Replace("TIMESTAMP WITH TIME ZONE", "TIMESTAMP", StringComparison.Ordinal);
}
