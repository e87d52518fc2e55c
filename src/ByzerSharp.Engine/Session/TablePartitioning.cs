namespace ByzerSharp.Session;

/// <summary>How the rows of a partitioned table are spread over its partitions.</summary>
public enum PartitionKind
{
    /// <summary>Row k (in the table's stable row order) goes to partition k % N: Spark's repartition(n).</summary>
    RoundRobin,

    /// <summary>Rows go to hash(columns) % N, so equal keys share a partition: repartition(n, cols).</summary>
    Hash,

    /// <summary>Rows sorted by the columns are cut into N ranges; equal keys share a partition: repartitionByRange.</summary>
    Range,

    /// <summary>The row order is cut into N consecutive blocks: coalesce(n), which merges neighbouring partitions.</summary>
    Contiguous,
}

/// <summary>
/// The partitioning a table was given (by TableRepartition). The count is <see cref="TableEntry.PartitionCount"/>;
/// <see cref="PartitionPlan"/> turns both into the rows of one partition.
/// </summary>
public sealed record TablePartitioning(PartitionKind Kind, IReadOnlyList<string> Columns)
{
    public static readonly TablePartitioning RoundRobin = new(PartitionKind.RoundRobin, []);

    public static readonly TablePartitioning Contiguous = new(PartitionKind.Contiguous, []);

    public override string ToString() =>
        Columns.Count == 0 ? Kind.ToString() : $"{Kind}({string.Join(", ", Columns)})";
}
