namespace ByzerSharp.Session;

/// <summary>
/// A select that only projects and filters <see cref="Source"/>, kept so that its rows can be given
/// the partitions of the source rows they come from. <see cref="Template"/> is the select's DuckDB SQL
/// with the source relation left as <see cref="Placeholder"/> and two more output columns at the end:
/// the source's row number and partition (<see cref="PartitionPlan"/>'s hidden columns).
/// </summary>
public sealed record NarrowSelect(TableEntry Source, string Template)
{
    /// <summary>Stands for the source relation in <see cref="Template"/>; never reaches DuckDB.</summary>
    public const string Placeholder = "\u0001byzer-partitioned-source\u0001";

    /// <summary>The select over <paramref name="assignedSource"/>: the source's rows with their row number and partition.</summary>
    public string Over(string assignedSource) => Template.Replace(Placeholder, "(" + assignedSource + ")", StringComparison.Ordinal);
}
