using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.Cells.Tables;

/// <summary>
/// Reads a catalog table, whole or one partition at a time. Partitions follow the engine's
/// <see cref="PartitionPlan"/>: the table's TableRepartition partitioning (hash, range or
/// round-robin), each partition in the table's row order.
/// </summary>
internal sealed class TableReader(ByzerSession session, TableEntry table)
{
    public string Name => table.Name;

    /// <summary>The rows of partition <paramref name="index"/> of <paramref name="count"/>.</summary>
    public List<Row> ReadPartition(int index, int count) =>
        count == 1
            ? Read("SELECT * FROM " + Catalog.From(table))
            : Read(PartitionPlan.PartitionSql(table, index, count, PartitionPlan.PartitioningOf(table)));

    /// <summary>A <c>file</c> table in stream order.</summary>
    public List<Row> ReadAll(string? orderBy = null) =>
        Read($"SELECT * FROM {Catalog.From(table)}" + (orderBy is null ? "" : " ORDER BY " + Sql.Ident(orderBy)));

    private List<Row> Read(string sql)
    {
        var rows = new List<Row>();
        var names = session.Database.Describe("(" + sql + ")").Select(c => c.Name).ToList();
        session.Database.Stream(sql, values => rows.Add(new Row(names, values)));
        return rows;
    }
}
