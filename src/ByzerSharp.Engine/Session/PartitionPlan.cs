using ByzerSharp.DuckDb;

namespace ByzerSharp.Session;

/// <summary>
/// Splits a table into the partitions TableRepartition gave it, for steps that work per partition
/// (C# cells, part files). Everything is SQL over the table, computed the same way on every call:
/// rows are numbered in the table's stable order (insertion order, i.e. DuckDB's rowid for a
/// table; scan order for a view), then assigned to a partition by the table's
/// <see cref="TablePartitioning"/>. A table without one is split round-robin. A table made by a
/// select that only projects and filters a partitioned table inherits its rows' partitions.
/// </summary>
public static class PartitionPlan
{
    /// <summary>The column <see cref="AssignSql"/> adds: the partition (0-based) of each row.</summary>
    public const string PartitionColumn = "__byzer_partition";

    /// <summary>The column <see cref="Assigned"/> numbers the rows in (0-based, the table's row order).</summary>
    public const string RowColumn = "__byzer_row";

    /// <summary>The number of partitions of the table: its PartitionCount, else 1.</summary>
    public static int Count(TableEntry table) => table.PartitionCount ?? 1;

    /// <summary>The partitioning of the table: what TableRepartition recorded, else round-robin.</summary>
    public static TablePartitioning PartitioningOf(TableEntry table) => table.Partitioning ?? TablePartitioning.RoundRobin;

    /// <summary>
    /// A query returning the rows of partition <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>)
    /// with the table's columns, in the table's row order. Partitions may be empty (hash and range).
    /// </summary>
    public static string PartitionSql(TableEntry table, int index) =>
        PartitionSql(table, index, Count(table), PartitioningOf(table));

    /// <summary>Partition <paramref name="index"/> of <paramref name="count"/> under an explicit partitioning.</summary>
    public static string PartitionSql(TableEntry table, int index, int count, TablePartitioning partitioning)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        return $"SELECT * EXCLUDE ({RowColumn}, {PartitionColumn}) FROM ({Assigned(table, count, partitioning)}) "
            + $"WHERE {PartitionColumn} = {Sql.Int(index)} ORDER BY {RowColumn}";
    }

    /// <summary>
    /// A query returning every row of the table plus <see cref="PartitionColumn"/> (BIGINT), in the
    /// table's row order: one pass for callers that write all partitions.
    /// </summary>
    public static string AssignSql(TableEntry table, int count, TablePartitioning partitioning)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return $"SELECT * EXCLUDE ({RowColumn}) FROM ({Assigned(table, count, partitioning)}) ORDER BY {RowColumn}";
    }

    /// <summary>
    /// One pass over the whole table in row order for callers that route every row to its partition
    /// themselves (C# cells read all partitions at once). Round-robin and hash need no window
    /// function, so DuckDB streams a plain scan: the caller numbers the rows (round-robin) or gets
    /// the partition as the last column (hash). Range and contiguous partitions need the whole
    /// table first and come from <see cref="AssignSql"/>.
    /// </summary>
    public static PartitionScan Scan(TableEntry table, int count, TablePartitioning partitioning)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var from = Catalog.From(table);
        var columns = partitioning.Columns.Select(Sql.Ident).ToList();
        return partitioning.Kind switch
        {
            _ when count == 1 => new PartitionScan($"SELECT * FROM {from}", count, Numbered: true),
            PartitionKind.Hash when columns.Count > 0 =>
                new PartitionScan($"SELECT *, CAST(hash({string.Join(", ", columns)}) % {Sql.Int(count)} AS BIGINT) AS {PartitionColumn} FROM {from}", count, Numbered: false),
            PartitionKind.Range when columns.Count > 0 => new PartitionScan(AssignSql(table, count, partitioning), count, Numbered: false),
            PartitionKind.Contiguous => new PartitionScan(AssignSql(table, count, partitioning), count, Numbered: false),
            PartitionKind.Inherited when partitioning.Select is not null => new PartitionScan(AssignSql(table, count, partitioning), count, Numbered: false),
            _ => new PartitionScan($"SELECT * FROM {from}", count, Numbered: true),
        };
    }

    private static string Assigned(TableEntry table, int count, TablePartitioning partitioning)
    {
        if (partitioning.Select is { } select)
        {
            // A narrow select's rows keep the partition and the order of the source rows they come
            // from, as in Spark; the select itself carries both columns through (see NarrowSelect).
            return select.Over(Assigned(select.Source, count, PartitioningOf(select.Source)));
        }
        // A table's rowid is its insertion order and never changes (catalog objects are immutable);
        // a view has no rowid, so its scan order stands in.
        var order = table.Kind == TableKind.Table ? "row_number() OVER (ORDER BY rowid) - 1" : "row_number() OVER () - 1";
        var numbered = $"SELECT *, {order} AS {RowColumn} FROM {Catalog.From(table)}";
        var n = Sql.Int(count);
        var columns = partitioning.Columns.Select(Sql.Ident).ToList();
        var bucket = partitioning.Kind switch
        {
            PartitionKind.Hash when columns.Count > 0 => $"CAST(hash({string.Join(", ", columns)}) % {n} AS BIGINT)",
            // rank() - 1 is the number of rows with a smaller key, so equal keys land together and
            // the ranges hold about count/N rows each. Nulls sort first, as in Spark.
            PartitionKind.Range when columns.Count > 0 =>
                $"((rank() OVER (ORDER BY {string.Join(", ", columns.Select(c => c + " ASC NULLS FIRST"))}) - 1) * {n}) // count(*) OVER ()",
            PartitionKind.Contiguous => $"({RowColumn} * {n}) // count(*) OVER ()",
            _ => $"{RowColumn} % {n}",
        };
        return $"SELECT *, {bucket} AS {PartitionColumn} FROM ({numbered})";
    }
}

/// <summary>
/// A query over every row of a table, in row order, and how to tell each row's partition: when
/// <see cref="Numbered"/>, row k (0-based) belongs to partition k % <see cref="Count"/>; otherwise
/// the query's last column (<see cref="PartitionPlan.PartitionColumn"/>) holds it.
/// </summary>
public sealed record PartitionScan(string Sql, int Count, bool Numbered)
{
    public int PartitionOf(long rowIndex, object?[] values) =>
        Numbered ? (int)(rowIndex % Count) : Convert.ToInt32(values[^1], System.Globalization.CultureInfo.InvariantCulture);
}
