using ByzerSharp.Cells;
using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using Xunit;

namespace ByzerSharp.Tests.Cells;

/// <summary>
/// A cell's output is staged per partition while it runs (OutputTable); these check what is left
/// in DuckDB afterwards, which a script cannot see.
/// </summary>
public sealed class CellOutputTests : IDisposable
{
    private readonly ByzerEngine _engine = new(new ByzerOptions().Use(new CellsExtension()));
    private readonly ByzerSession _session;

    public CellOutputTests()
    {
        _session = _engine.CreateSession();
        _session.Run("""
            select explode(sequence(1, 5000)) as id as nums;
            run nums as TableRepartition.`` where partitionNum="3" as nums3;
            """);
    }

    public void Dispose()
    {
        _session.Dispose();
        _engine.Dispose();
    }

    private long DuckTables(string like) =>
        Convert.ToInt64(_session.Database.Scalar($"SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '{like}'"));

    [Fact]
    public void AFailedCellLeavesNoTablesBehind()
    {
        var before = DuckTables("%");
        var error = Assert.Throws<ByzerException>(() => _session.Run("""
            #%csharp
            #%input=nums3
            #%output=halfway
            #%schema=st(field(id,long))
            context.Foreach(row => row.Long("id") == 4000 ? throw new InvalidOperationException("late row") : row);
            #%end
            """));
        Assert.Contains("late row", error.Message);
        Assert.Equal(before, DuckTables("%"));
        // The session goes on: its connection is free and the next cell runs.
        _session.Run("""
            #%csharp
            #%input=nums3
            #%output=fine
            #%schema=st(field(id,long))
            context.Foreach(row => row);
            #%end
            """);
        Assert.Equal(5000L, Convert.ToInt64(_session.ReadTable("fine").Rows.Count));
    }

    [Fact]
    public void ACommittedCellKeepsOnlyItsOutputTable()
    {
        _session.Run("""
            #%csharp
            #%input=nums3
            #%output=pairs
            #%schema=id long, tags array<string>
            context.Foreach(row => new Row { ["id"] = row.Long("id"), ["tags"] = new[] { "a", row.Long("id").ToString() } });
            context.BuildResult([new Row { ["id"] = -1L, ["tags"] = new List<string>() }]);
            #%end
            """);
        Assert.Equal(0, DuckTables("%segment%"));
        var rows = _session.Database.Query("SELECT id, tags[2] FROM " + _session.Catalog.Get("pairs", null).DuckName).Rows;
        Assert.Equal(5001, rows.Count);
        Assert.Equal(-1L, rows[^1][0]);
        Assert.All(rows.SkipLast(1), r => Assert.Equal(r[0]!.ToString(), r[1]));
    }
}
