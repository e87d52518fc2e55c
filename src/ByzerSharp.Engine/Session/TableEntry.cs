using ByzerSharp.Text;

namespace ByzerSharp.Session;

public enum TableKind
{
    /// <summary>A DuckDB view: evaluated lazily each time it is read.</summary>
    View,

    /// <summary>A DuckDB table: materialised once.</summary>
    Table,
}

/// <summary>
/// A table in the session catalog. <see cref="Name"/> is what the script calls it;
/// <see cref="DuckName"/> is the immutable DuckDB object behind it, so redefining a name never
/// changes what earlier views read (Spark temp-view semantics).
/// </summary>
public sealed record TableEntry(string Name, string DuckName, TableKind Kind, SourceSpan? DefinedAt)
{
    /// <summary>The number of partitions a later step should use (set by TableRepartition); null when unspecified.</summary>
    public int? PartitionCount { get; init; }

    /// <summary>How rows map to the <see cref="PartitionCount"/> partitions; null means round-robin (see <see cref="PartitionPlan"/>).</summary>
    public TablePartitioning? Partitioning { get; init; }

    /// <summary>How the table was made, for !show tables and explain ("load csv", "select", …).</summary>
    public string Origin { get; init; } = "";
}
