using ByzerSharp.Session;
using Xunit;

namespace ByzerSharp.Tests.Plugins;

/// <summary>PartitionPlan splits a repartitioned table into disjoint partitions that cover every row, the same way each call.</summary>
public sealed class PartitionPlanTests : IDisposable
{
    private readonly ByzerEngine _engine = new(new ByzerOptions { TimeZone = "UTC" });
    private readonly ByzerSession _session;

    public PartitionPlanTests()
    {
        _session = _engine.CreateSession();
        // k repeats (0,1,2) so hash and range must keep equal keys together; one null key.
        _session.Run("select id, case when id = 11 then null else id % 3 end as k from range(12) as t;");
    }

    public void Dispose()
    {
        _session.Dispose();
        _engine.Dispose();
    }

    private List<List<long>> Partitions(string options)
    {
        _session.Run($"run t as TableRepartition.`` where {options} as r;");
        var table = _session.Catalog.Get("r", null);
        return Enumerable.Range(0, PartitionPlan.Count(table))
            .Select(i => _session.Database.Query(PartitionPlan.PartitionSql(table, i)).Rows.Select(r => Convert.ToInt64(r[0])).ToList())
            .ToList();
    }

    /// <summary>The partitions as one pass (PartitionPlan.Scan) routes them: C# cells read them this way.</summary>
    private List<List<long>> Scanned(TableEntry table, int count)
    {
        var scan = PartitionPlan.Scan(table, count, PartitionPlan.PartitioningOf(table));
        var parts = Enumerable.Range(0, count).Select(_ => new List<long>()).ToList();
        var index = 0L;
        _session.Database.Stream(scan.Sql, values => parts[scan.PartitionOf(index++, values)].Add(Convert.ToInt64(values[0])));
        return parts;
    }

    [Theory]
    [InlineData("partitionNum=\"4\"")]
    [InlineData("partitionNum=\"5\" and partitionCols=\"k\"")]
    [InlineData("partitionNum=\"3\" and partitionType=\"range\" and partitionCols=\"k\"")]
    [InlineData("partitionNum=\"5\" and shuffle=\"false\"")]
    [InlineData("partitionNum=\"1\"")]
    public void OnePassGivesTheSamePartitionsAsOneQueryEach(string options)
    {
        var expected = Partitions(options);
        Assert.Equal(expected, Scanned(_session.Catalog.Get("r", null), expected.Count));
    }

    [Fact]
    public void OnePassOverAViewDealsItsScanOrder()
    {
        // A select defines a view (no rowid): its scan order stands in, in both forms.
        _session.Run("select id * 10 as id from t where id > 2 as v;");
        var view = _session.Catalog.Get("v", null);
        var expected = Enumerable.Range(0, 3)
            .Select(i => _session.Database.Query(PartitionPlan.PartitionSql(view, i, 3, TablePartitioning.RoundRobin)).Rows.Select(r => Convert.ToInt64(r[0])).ToList())
            .ToList();
        Assert.Equal([[30, 60, 90], [40, 70, 100], [50, 80, 110]], expected);
        Assert.Equal(expected, Scanned(view, 3));
    }

    [Fact]
    public void RoundRobinDealsRowsInOrder()
    {
        var parts = Partitions("partitionNum=\"4\"");
        Assert.Equal([[0, 4, 8], [1, 5, 9], [2, 6, 10], [3, 7, 11]], parts);
    }

    [Fact]
    public void HashKeepsEqualKeysTogether()
    {
        var parts = Partitions("partitionNum=\"5\" and partitionCols=\"k\"");
        Assert.Equal(5, parts.Count);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), parts.SelectMany(p => p).Order());
        foreach (var key in new long?[] { 0, 1, 2, null })
        {
            var ids = Enumerable.Range(0, 12).Where(i => (i == 11 ? null : (long?)(i % 3)) == key).Select(i => (long)i);
            Assert.Single(parts, p => p.Intersect(ids).Any());
        }
        // Rows keep the table's order inside a partition, and a second call gives the same split.
        Assert.All(parts, p => Assert.Equal(p.Order(), p));
        Assert.Equal(parts, Partitions("partitionNum=\"5\" and partitionCols=\"k\""));
    }

    [Fact]
    public void RangeCutsTheSortOrderWithNullsFirst()
    {
        var parts = Partitions("partitionNum=\"3\" and partitionType=\"range\" and partitionCols=\"k\"");
        // Sorted keys: null, 0×4, 1×4, 2×3; a key's range starts at the number of smaller keys.
        Assert.Equal([[0, 3, 6, 9, 11], [1, 4, 7, 10], [2, 5, 8]], parts);
    }

    [Fact]
    public void CoalesceKeepsNeighboursTogether()
    {
        var parts = Partitions("partitionNum=\"5\" and shuffle=\"false\"");
        Assert.Equal(5, parts.Count);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), parts.SelectMany(p => p));
        Assert.All(parts, p => Assert.InRange(p.Count, 2, 3));
    }

    [Fact]
    public void TheTableRecordsCountAndPartitioning()
    {
        _session.Run("run t as TableRepartition.`` where partitionNum=\"2\" and partitionType=\"range\" and partitionCols=\"ID\" as r;");
        var table = _session.Catalog.Get("r", null);
        Assert.Equal(2, table.PartitionCount);
        Assert.Equal(PartitionKind.Range, table.Partitioning!.Kind);
        Assert.Equal(["id"], table.Partitioning.Columns);
    }

    [Fact]
    public void ATableIsSharedNotCopied()
    {
        _session.Run("set rows='''\n{\"id\":0}\n{\"id\":1}\n{\"id\":2}\n'''; load jsonStr.`rows` as js; run js as TableRepartition.`` where partitionNum=\"2\" as r;");
        var input = _session.Catalog.Get("js", null);
        var table = _session.Catalog.Get("r", null);
        Assert.Equal(TableKind.Table, input.Kind);
        Assert.Equal(input.DuckName, table.DuckName);
        Assert.Null(input.PartitionCount);
        var parts = Enumerable.Range(0, 2)
            .Select(i => _session.Database.Query(PartitionPlan.PartitionSql(table, i)).Rows.Select(r => Convert.ToInt64(r[0])).ToList())
            .ToList();
        Assert.Equal([[0, 2], [1]], parts);
    }

    [Fact]
    public void AnUnpartitionedTableIsOnePartition()
    {
        var table = _session.Catalog.Get("t", null);
        Assert.Equal(1, PartitionPlan.Count(table));
        Assert.Equal(12, _session.Database.Query(PartitionPlan.PartitionSql(table, 0)).Rows.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => PartitionPlan.PartitionSql(table, 1));
    }
}
