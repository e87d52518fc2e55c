using ByzerSharp.Session;

namespace ByzerSharp.Plugins.TableRepartition;

/// <summary>
/// <c>run t as TableRepartition.`` where partitionNum="4" [and partitionType="hash|range"] [and partitionCols="a,b"] [and shuffle="false"]</c>:
/// the same rows, with a partition count and partitioning that later steps honour (part files on save,
/// per-partition work through <see cref="PartitionPlan"/>). Rows keep their order.
/// </summary>
public sealed class TableRepartitionEt : EtPlugin
{
    public override string Name => "TableRepartition";

    public override string Description => "Changes the number of partitions of a table (part files on save, parallel workers).";

    public override IReadOnlyList<EtOption> Options =>
    [
        new("partitionNum", "Number of partitions, an integer ≥ 1", Required: true),
        new("partitionType", "hash (default) or range", Default: "hash"),
        new("partitionCols", "Comma-separated columns to partition by; required for range"),
        new("shuffle", "false coalesces (merges neighbouring partitions, ignores partitionCols); hash only", Default: "true"),
    ];

    // Byzer's TableRepartition writes nothing at its path, so the home prefix is irrelevant.
    public override bool UsesPathPrefix => false;

    public override TableEntry? Train(EtContext context)
    {
        var session = context.Session;
        var columns = session.Database.Describe(Catalog.From(context.Input), context.Span);
        var options = TableRepartitionOptions.Parse(context.Options, columns, (message, span, hint) => session.Warn(message, span, hint));
        // coalesce can only merge partitions: a table with fewer keeps its count.
        var count = options.Coalesce && context.Input.PartitionCount is { } current ? Math.Min(current, options.PartitionNum) : options.PartitionNum;
        var entry = context.Define("SELECT * FROM " + Catalog.From(context.Input));
        return session.SetPartitions(entry, count, options.Partitioning);
    }

    public override TableEntry? Predict(EtContext context) => Train(context);
}
