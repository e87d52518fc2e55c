using ByzerSharp.Delta.Log;
using ByzerSharp.Delta.Maintenance;
using ByzerSharp.Delta.Read;
using ByzerSharp.Delta.Write;
using Xunit;

namespace ByzerSharp.Delta.Tests;

/// <summary>Time travel, checkpoints, history, vacuum and log damage.</summary>
public sealed class LogTests
{
    [Fact]
    public void VersionAsOfReadsOldSnapshotsAndRefusesUnknownOnes()
    {
        using var fx = new TableFixture();
        for (var i = 0; i < 3; i++)
        {
            fx.Write($"SELECT {i} AS a");
        }
        Assert.Equal(["0", "1"], fx.Rows(version: 1));
        var e = Assert.Throws<DeltaException>(() => fx.Rows(version: 7));
        Assert.Equal(DeltaErrorKind.NotFound, e.Kind);
        Assert.Contains("latest version is 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimestampAsOfUsesMonotonisedCommitTimes()
    {
        using var fx = new TableFixture();
        for (var i = 0; i < 3; i++)
        {
            fx.Write($"SELECT {i} AS a");
        }
        var log = Path.Combine(fx.Path(), "_delta_log");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(log, LogListing.CommitName(0)), start);
        File.SetLastWriteTimeUtc(Path.Combine(log, LogListing.CommitName(1)), start.AddMinutes(20));
        // Not after its predecessor: counts as v1 + 1 ms.
        File.SetLastWriteTimeUtc(Path.Combine(log, LogListing.CommitName(2)), start.AddMinutes(10));
        var table = DeltaTable.Open(fx.Path());
        Assert.Equal(0, table.VersionAsOf(new DateTimeOffset(start.AddMinutes(19))));
        Assert.Equal(1, table.VersionAsOf(new DateTimeOffset(start.AddMinutes(20))));
        Assert.Equal(2, table.VersionAsOf(new DateTimeOffset(start.AddMinutes(20).AddMilliseconds(1))));
        Assert.Throws<DeltaException>(() => table.VersionAsOf(new DateTimeOffset(start.AddSeconds(-1))));
        Assert.Throws<DeltaException>(() => table.VersionAsOf(new DateTimeOffset(start.AddHours(1))));
    }

    [Fact]
    public void EveryTenthCommitWritesACheckpointThatReplacesTheCommitsBeforeIt()
    {
        using var fx = new TableFixture();
        for (var i = 0; i < 12; i++)
        {
            fx.Write($"SELECT {i} AS a, 'p{i % 2}' AS p", partitionBy: ["p"]);
        }
        var log = Path.Combine(fx.Path(), "_delta_log");
        Assert.True(File.Exists(Path.Combine(log, "00000000000000000010.checkpoint.parquet")));
        Assert.False(File.Exists(Path.Combine(log, "00000000000000000000.checkpoint.parquet")));
        Assert.Equal(10, LastCheckpoint.TryRead(log)!.Version);
        var expected = fx.Rows();
        Assert.Equal(12, expected.Count);
        // Commits before the checkpoint are no longer needed.
        for (var v = 0; v < 10; v++)
        {
            File.Delete(Path.Combine(log, LogListing.CommitName(v)));
        }
        Assert.Equal(expected, fx.Rows());
        Assert.Equal(["0\tp0", "1\tp1", "2\tp0", "3\tp1", "4\tp0", "5\tp1", "6\tp0", "7\tp1", "8\tp0", "9\tp1", "10\tp0"], fx.Rows(version: 10));
        var e = Assert.Throws<DeltaException>(() => fx.Rows(version: 5));
        Assert.Contains("cannot be reconstructed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenLastCheckpointHintIsIgnored()
    {
        using var fx = new TableFixture();
        for (var i = 0; i < 11; i++)
        {
            fx.Write($"SELECT {i} AS a");
        }
        File.WriteAllText(Path.Combine(fx.Path(), "_delta_log", LastCheckpoint.FileName), "{not json");
        Assert.Equal(11, fx.Rows().Count);
        File.WriteAllText(Path.Combine(fx.Path(), "_delta_log", LastCheckpoint.FileName), """{"version":99,"size":3}""");
        Assert.Equal(11, fx.Rows().Count);
    }

    [Fact]
    public void AGapInTheLogFailsClearly()
    {
        using var fx = new TableFixture();
        for (var i = 0; i < 3; i++)
        {
            fx.Write($"SELECT {i} AS a");
        }
        File.Delete(Path.Combine(fx.Path(), "_delta_log", LogListing.CommitName(1)));
        var e = Assert.Throws<DeltaException>(() => fx.Rows());
        Assert.Equal(DeltaErrorKind.Corrupt, e.Kind);
        Assert.Contains("version 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HistoryListsCommitsNewestFirst()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT 1 AS a", WriteMode.ErrorIfExists);
        fx.Write("SELECT 2 AS a");
        fx.Write("SELECT 3 AS a", WriteMode.Overwrite);
        var history = DeltaTable.Open(fx.Path()).History();
        Assert.Equal([2L, 1L, 0L], history.Select(h => h.Version));
        Assert.Equal(["WRITE", "WRITE", "CREATE TABLE AS SELECT"], history.Select(h => h.Operation));
        Assert.Equal([1L, 0L, null], history.Select(h => h.ReadVersion));
        Assert.Contains("\"mode\":\"Overwrite\"", history[0].OperationParameters, StringComparison.Ordinal);
    }

    [Fact]
    public void VacuumDeletesUnreferencedOldFilesOnly()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT 1 AS a, 'x' AS p", partitionBy: ["p"]);
        fx.Write("SELECT 2 AS a, 'y' AS p", WriteMode.Overwrite);
        Assert.Throws<InvalidOperationException>(() => fx.Write("SELECT 3 AS a, 'z' AS p", onStage: _ => throw new InvalidOperationException("crash")));
        var table = DeltaTable.Open(fx.Path());
        var now = DateTimeOffset.UtcNow;
        var low = Assert.Throws<DeltaException>(() => Vacuum.Run(table, TimeSpan.Zero, checkRetention: true, now));
        Assert.Contains("retention", low.Message, StringComparison.Ordinal);
        // With the default 7 days nothing is old enough.
        Assert.Empty(Vacuum.Run(table, null, checkRetention: true, now));
        var deleted = Vacuum.Run(table, TimeSpan.Zero, checkRetention: false, now.AddSeconds(1));
        // The overwritten file (p=x) and the orphan of the failed save (p=z) go; the folders with them.
        Assert.Equal(2, deleted.Count);
        Assert.False(Directory.Exists(Path.Combine(fx.Path(), "p=x")));
        Assert.False(Directory.Exists(Path.Combine(fx.Path(), "p=z")));
        Assert.Equal(["2\ty"], fx.Rows());
        var gone = Assert.Throws<DeltaException>(() => fx.Rows(version: 0));
        Assert.Contains("missing", gone.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(fx.Path(), "_delta_log")));
    }

    [Fact]
    public void PartitionPruningAndStatsSkippingOnlyDropFilesThatCannotMatch()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT range AS id, 'a' AS p FROM range(0, 10)", partitionBy: ["p"]);
        fx.Write("SELECT range AS id, 'b' AS p FROM range(10, 20)");
        fx.Write("SELECT NULL::BIGINT AS id, 'c' AS p");
        var snapshot = DeltaTable.Open(fx.Path()).Snapshot();
        Assert.Single(FileSkipping.Select(snapshot, [new ColumnFilter("p", FilterOp.Equal, "b")]));
        Assert.Single(FileSkipping.Select(snapshot, [new ColumnFilter("id", FilterOp.Greater, "12")]));
        Assert.Equal(2, FileSkipping.Select(snapshot, [new ColumnFilter("id", FilterOp.GreaterOrEqual, "9")]).Count);
        Assert.Single(FileSkipping.Select(snapshot, [new ColumnFilter("id", FilterOp.IsNull)]));
        Assert.Empty(FileSkipping.Select(snapshot, [new ColumnFilter("id", FilterOp.Equal, "100")]));
        var sql = DeltaScan.Sql(snapshot, fx.Duck.Connection, [new ColumnFilter("id", FilterOp.Less, "3")]);
        Assert.Equal(["0\ta", "1\ta", "2\ta"], fx.Duck.Rows($"SELECT * FROM ({sql}) WHERE id < 3 ORDER BY id"));
    }
}
