using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.Cells.Tables;

/// <summary>
/// Reads a catalog table, whole or by partitions. Partitions follow the engine's
/// <see cref="PartitionPlan"/>: the table's TableRepartition partitioning (hash, range or
/// round-robin), each partition in the table's row order. All partitions come from one pass over
/// the table (<see cref="Scan"/>), not one query per partition.
/// </summary>
internal sealed class TableReader(ByzerSession session, TableEntry table)
{
    private readonly object _gate = new();
    private List<Row>?[]? _unclaimed;

    public string Name => table.Name;

    /// <summary>
    /// The rows of partition <paramref name="index"/> of <paramref name="count"/>. The first call
    /// reads every partition in one pass and keeps the others until they are asked for (each actor
    /// asks for its own); a partition asked for again is read again on its own.
    /// </summary>
    public IReadOnlyList<Row> ReadPartition(int index, int count)
    {
        if (count == 1)
        {
            return Read("SELECT * FROM " + Catalog.From(table));
        }
        lock (_gate)
        {
            if (_unclaimed is null || _unclaimed.Length != count)
            {
                var partitions = Enumerable.Range(0, count).Select(_ => new List<Row>()).ToArray();
                Scan(count, (partition, row) => partitions[partition].Add(row), () => false);
                _unclaimed = partitions;
            }
            if (_unclaimed[index] is { } rows)
            {
                _unclaimed[index] = null;
                return rows;
            }
        }
        return Read(PartitionPlan.PartitionSql(table, index, count, PartitionPlan.PartitioningOf(table)));
    }

    /// <summary>A <c>file</c> table in stream order.</summary>
    public List<Row> ReadAll(string? orderBy = null) =>
        Read($"SELECT * FROM {Catalog.From(table)}" + (orderBy is null ? "" : " ORDER BY " + Sql.Ident(orderBy)));

    /// <summary>
    /// Every row, in row order, with its partition: one pass over the table. Stops early (with
    /// <see cref="OperationCanceledException"/>) once <paramref name="stop"/> says so.
    /// </summary>
    public void Scan(int count, Action<int, Row> onRow, Func<bool> stop)
    {
        var scan = PartitionPlan.Scan(table, count, PartitionPlan.PartitioningOf(table));
        var names = session.Database.Describe("(" + scan.Sql + ")").Select(c => c.Name).ToList();
        var width = scan.Numbered ? names.Count : names.Count - 1;
        names = names.Take(width).ToList();
        var index = 0L;
        session.Database.Stream(scan.Sql, values =>
        {
            if (stop())
            {
                throw new OperationCanceledException("the cell stopped reading its input");
            }
            var partition = scan.PartitionOf(index++, values);
            onRow(partition, new Row(names, width == values.Length ? values : values[..width]));
        });
    }

    private List<Row> Read(string sql)
    {
        var rows = new List<Row>();
        var names = session.Database.Describe("(" + sql + ")").Select(c => c.Name).ToList();
        session.Database.Stream(sql, values => rows.Add(new Row(names, values)));
        return rows;
    }
}
