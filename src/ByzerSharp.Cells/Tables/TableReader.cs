using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.Cells.Tables;

/// <summary>
/// Reads a catalog table, whole or one partition at a time. A partition is a contiguous slice of
/// the table's rows in scan order (the one method to switch once the engine has a partition-split
/// API), so concatenating partitions gives the table in its order.
/// </summary>
internal sealed class TableReader(ByzerSession session, TableEntry table)
{
    private long? _count;

    public string Name => table.Name;

    public long Count => _count ??= Convert.ToInt64(session.Database.Scalar("SELECT count(*) FROM " + Catalog.From(table)), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The rows of partition <paramref name="index"/> of <paramref name="count"/>.</summary>
    public List<Row> ReadPartition(int index, int count)
    {
        var total = Count;
        var from = total * index / count;
        var to = total * (index + 1) / count;
        return Read($"SELECT * FROM {Catalog.From(table)} LIMIT {to - from} OFFSET {from}");
    }

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
