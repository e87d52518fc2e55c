using ByzerSharp.DataSources;
using ByzerSharp.Diagnostics;
using ByzerSharp.Results;
using ByzerSharp.Session;

namespace ByzerSharp.Plugins.TableRepartition;

/// <summary>
/// TableRepartition's options, checked against the input's columns. Byzer's rules: range needs
/// partitionCols; shuffle="false" is a coalesce, which ignores partitionCols (logged, not failed).
/// </summary>
public sealed record TableRepartitionOptions(int PartitionNum, TablePartitioning Partitioning, bool Coalesce)
{
    public static TableRepartitionOptions Parse(OptionValues options, IReadOnlyList<ResultColumn> columns, Action<string, Text.SourceSpan, string?> warn)
    {
        var partitionNum = options.RequireInt("partitionNum", min: 1);
        var type = options.GetChoice("partitionType", "hash", "hash", "range");
        var shuffle = options.GetBool("shuffle", true);
        var cols = Columns(options, columns);
        if (type == "range")
        {
            if (cols.Count == 0)
            {
                throw ByzerException.Semantic(
                    "requirement failed: At least one partition-by expression must be specified.",
                    options.SpanOf("partitionType"),
                    "add partitionCols=\"col1,col2\": range partitioning splits the rows by the sort order of those columns");
            }
            if (options.Has("shuffle"))
            {
                warn("Error: When partitionType is set to range, shuffle is not supported!", options.KeySpanOf("shuffle"), "remove shuffle; range partitioning always shuffles");
            }
            return new TableRepartitionOptions(partitionNum, new TablePartitioning(PartitionKind.Range, cols), Coalesce: false);
        }
        if (!shuffle)
        {
            if (cols.Count > 0)
            {
                warn("Error: When shuffle is set to false, partitioning based on the parameter partitionCols is not supported!",
                    options.KeySpanOf("partitionCols"), "partitionCols is ignored; remove shuffle=\"false\" to hash-partition by the columns");
            }
            return new TableRepartitionOptions(partitionNum, TablePartitioning.Contiguous, Coalesce: true);
        }
        return new TableRepartitionOptions(
            partitionNum,
            cols.Count == 0 ? TablePartitioning.RoundRobin : new TablePartitioning(PartitionKind.Hash, cols),
            Coalesce: false);
    }

    /// <summary>partitionCols as the table spells them; an unknown column is Spark's analysis error at the option.</summary>
    private static IReadOnlyList<string> Columns(OptionValues options, IReadOnlyList<ResultColumn> columns)
    {
        var result = new List<string>();
        foreach (var name in options.GetList("partitionCols"))
        {
            var column = columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                var suggestion = Syntax.Parsing.Suggest.Closest(name, columns.Select(c => c.Name));
                throw ByzerException.Semantic(
                    $"cannot resolve '{name}' given input columns: [{string.Join(", ", columns.Select(c => c.Name))}]",
                    options.SpanOf("partitionCols"),
                    suggestion is not null ? $"did you mean '{suggestion}'?" : "partitionCols is a comma-separated list of the input's columns");
            }
            result.Add(column.Name);
        }
        return result;
    }
}
