using ByzerSharp.Delta.Write;
using Xunit;

namespace ByzerSharp.Delta.Tests;

/// <summary>Save modes and Spark's schema/partitioning decisions (docs/delta.md, reference delta.md §2).</summary>
public sealed class WriteRulesTests
{
    [Fact]
    public void ErrorIfExistsFailsOnAnExistingTable()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT 1 AS a", WriteMode.ErrorIfExists);
        var e = Assert.Throws<DeltaException>(() => fx.Write("SELECT 2 AS a", WriteMode.ErrorIfExists));
        Assert.Equal(DeltaErrorKind.Usage, e.Kind);
        Assert.Contains("already exists", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, DeltaTable.Open(fx.Path()).LatestVersion());
    }

    [Fact]
    public void IgnoreDoesNothingOnAnExistingTableAndCreatesOtherwise()
    {
        using var fx = new TableFixture();
        Assert.False(fx.Write("SELECT 1 AS a", WriteMode.Ignore).Ignored);
        var second = fx.Write("SELECT 2 AS a", WriteMode.Ignore);
        Assert.True(second.Ignored);
        Assert.Equal(["1"], fx.Rows());
        Assert.Equal(0, DeltaTable.Open(fx.Path()).LatestVersion());
    }

    [Fact]
    public void OverwriteReplacesRowsInOneCommitAndKeepsTheOldVersion()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT range AS a FROM range(3)");
        fx.Write("SELECT 10 + range AS a FROM range(2)", WriteMode.Overwrite);
        Assert.Equal(["10", "11"], fx.Rows());
        Assert.Equal(["0", "1", "2"], fx.Rows(version: 0));
        var snapshot = DeltaTable.Open(fx.Path()).Snapshot();
        Assert.Single(snapshot.Tombstones);
    }

    [Fact]
    public void NewColumnsNeedMergeSchema()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT 1 AS a");
        var e = Assert.Throws<DeltaException>(() => fx.Write("SELECT 2 AS a, 'x' AS b"));
        Assert.Contains("schema mismatch", e.Message, StringComparison.Ordinal);
        Assert.Contains("mergeSchema", e.Hint, StringComparison.Ordinal);
        fx.Write("SELECT 'y' AS b, 3 AS a", mergeSchema: true);
        Assert.Equal(["1\tNULL", "3\ty"], fx.Rows());
        Assert.Equal(["a", "b"], DeltaTable.Open(fx.Path()).Snapshot().Schema.Fields.Select(f => f.Name));
    }

    [Fact]
    public void FewerColumnsAreFineInAppendAndOverwrite()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT 1 AS a, 'x' AS b");
        fx.Write("SELECT 2 AS a");
        Assert.Equal(["1\tx", "2\tNULL"], fx.Rows());
        fx.Write("SELECT 'z' AS B", WriteMode.Overwrite);
        Assert.Equal(["NULL\tz"], fx.Rows());
        Assert.Equal(["a", "b"], DeltaTable.Open(fx.Path()).Snapshot().Schema.Fields.Select(f => f.Name));
    }

    [Fact]
    public void OverwriteMergeSchemaKeepsOldColumns()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT 1 AS a");
        fx.Write("SELECT 'n' AS c", WriteMode.Overwrite, mergeSchema: true);
        Assert.Equal(["a", "c"], DeltaTable.Open(fx.Path()).Snapshot().Schema.Fields.Select(f => f.Name));
        Assert.Equal(["NULL\tn"], fx.Rows());
    }

    [Fact]
    public void OverwriteSchemaReplacesSchemaAndPartitioning()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT 1 AS a, 'p' AS p", partitionBy: ["p"]);
        var mismatch = Assert.Throws<DeltaException>(() => fx.Write("SELECT 'x' AS s", WriteMode.Overwrite));
        Assert.Contains("overwriteSchema", mismatch.Hint, StringComparison.Ordinal);
        fx.Write("SELECT 'x' AS s", WriteMode.Overwrite, overwriteSchema: true);
        var snapshot = DeltaTable.Open(fx.Path()).Snapshot();
        Assert.Equal(["s"], snapshot.Schema.Fields.Select(f => f.Name));
        Assert.Empty(snapshot.Metadata.PartitionColumns);
        Assert.Equal(["x"], fx.Rows());
        // overwriteSchema is only honoured with overwrite.
        Assert.Throws<DeltaException>(() => fx.Write("SELECT 1 AS n", WriteMode.Append, overwriteSchema: true));
    }

    [Fact]
    public void AppendFollowsTheTablePartitioningAndRefusesAnother()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT 1 AS a, 'p' AS p", partitionBy: ["p"]);
        fx.Write("SELECT 2 AS a, 'q' AS p");
        fx.Write("SELECT 3 AS a, 'q' AS p", partitionBy: ["P"]);
        Assert.All(DeltaTable.Open(fx.Path()).Snapshot().Files, f => Assert.StartsWith("p=", f.DecodedPath, StringComparison.Ordinal));
        var e = Assert.Throws<DeltaException>(() => fx.Write("SELECT 4 AS a, 'q' AS p", partitionBy: ["a"]));
        Assert.Contains("Partition columns do not match", e.Message, StringComparison.Ordinal);
        fx.Write("SELECT 5 AS a, 'r' AS p", WriteMode.Overwrite, partitionBy: ["a"], overwriteSchema: true);
        Assert.Equal(["a"], DeltaTable.Open(fx.Path()).Snapshot().Metadata.PartitionColumns);
    }

    [Fact]
    public void IncompatibleTypesFailEvenWithMergeSchema()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT 1::INTEGER AS a");
        var e = Assert.Throws<DeltaException>(() => fx.Write("SELECT 'x' AS a", mergeSchema: true));
        Assert.Contains("DELTA_MERGE_INCOMPATIBLE_DATATYPE", e.Message, StringComparison.Ordinal);
        Assert.Throws<DeltaException>(() => fx.Write("SELECT 2::BIGINT AS a"));
    }

    [Fact]
    public void NarrowerIntegersAppendAndWiderOnesNeedMergeSchema()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT 1::SMALLINT AS a");
        fx.Write("SELECT 2::TINYINT AS a");
        Assert.Throws<DeltaException>(() => fx.Write("SELECT 3::INTEGER AS a"));
        fx.Write("SELECT 100000::INTEGER AS a", mergeSchema: true);
        Assert.Equal("integer", DeltaTable.Open(fx.Path()).Snapshot().Schema.Fields[0].Type.ToJson().GetValue<string>());
        Assert.Equal(["1", "2", "100000"], fx.Rows());
    }

    [Fact]
    public void BadColumnsAreRefused()
    {
        using var fx = new TableFixture();
        Assert.Contains("invalid character", Assert.Throws<DeltaException>(() => fx.Write("SELECT 1 AS \"a b\"")).Message, StringComparison.Ordinal);
        Assert.Contains("not found", Assert.Throws<DeltaException>(() => fx.Write("SELECT 1 AS a, 2 AS b", partitionBy: ["c"])).Message, StringComparison.Ordinal);
        Assert.Contains("all columns", Assert.Throws<DeltaException>(() => fx.Write("SELECT 1 AS a", partitionBy: ["a"])).Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(fx.Path(), "_delta_log")));
    }

    [Fact]
    public void AFailedSaveLeavesThePreviousVersionAndOnlyOrphanFiles()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT 1 AS a");
        Assert.Throws<InvalidOperationException>(() => fx.Write("SELECT 2 AS a", onStage: s => throw new InvalidOperationException("crash at " + s)));
        Assert.Equal(0, DeltaTable.Open(fx.Path()).LatestVersion());
        Assert.Equal(["1"], fx.Rows());
        Assert.Equal(2, Directory.GetFiles(fx.Path(), "*.parquet").Length);
    }
}
