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

    /// <summary>
    /// Each row stays in the partition of the source row it came from (<see cref="TablePartitioning.Select"/>):
    /// a select that only projects and filters a partitioned table, Spark's narrow transformation.
    /// </summary>
    Inherited,
}

/// <summary>
/// The partitioning a table was given (by TableRepartition, or kept through a narrow select). The count
/// is <see cref="TableEntry.PartitionCount"/>; <see cref="PartitionPlan"/> turns both into the rows of one partition.
/// </summary>
public sealed record TablePartitioning(PartitionKind Kind, IReadOnlyList<string> Columns)
{
    /// <summary>For <see cref="PartitionKind.Inherited"/>: the select and the partitioned table it reads.</summary>
    public NarrowSelect? Select { get; init; }

    public static TablePartitioning InheritedFrom(NarrowSelect select) => new(PartitionKind.Inherited, []) { Select = select };

    public static readonly TablePartitioning RoundRobin = new(PartitionKind.RoundRobin, []);

    public static readonly TablePartitioning Contiguous = new(PartitionKind.Contiguous, []);

    public override string ToString() =>
        Select is { } select ? $"{PartitionPlan.PartitioningOf(select.Source)} of {select.Source.Name}"
        : Columns.Count == 0 ? Kind.ToString() : $"{Kind}({string.Join(", ", Columns)})";
}
