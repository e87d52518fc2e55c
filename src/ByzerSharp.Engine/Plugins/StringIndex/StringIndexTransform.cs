using System.Globalization;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Text;

namespace ByzerSharp.Plugins.StringIndex;

/// <summary>
/// StringIndexerModel.transform as a DuckDB query: the input's columns plus the index (double)
/// of each label, with Spark's handleInvalid: error fails on a null or unseen label, skip drops
/// the row, keep gives it the index numLabels.
/// </summary>
public static class StringIndexTransform
{
    public const string NullMessage = "StringIndexer encountered NULL value. To handle or skip NULLS, try setting StringIndexer.handleInvalid.";

    public static string Query(Database database, string source, StringIndexModel model, string column, bool isArray, string outputCol, SourceSpan span)
    {
        var labels = LabelMap(model.Labels, "DOUBLE", i => i.ToString(CultureInfo.InvariantCulture) + ".0");
        var c = Sql.Ident(column);
        if (model.HandleInvalid == "error")
        {
            CheckAllKnown(database, isArray ? $"SELECT unnest({c}) AS v FROM {source}" : $"SELECT {c} AS v FROM {source}", labels, span);
        }
        string Index(string label) => model.HandleInvalid == "keep"
            ? $"coalesce({labels}[{label}], {model.Labels.Count.ToString(CultureInfo.InvariantCulture)}.0)"
            : $"{labels}[{label}]";
        var output = Sql.Ident(outputCol);
        if (isArray)
        {
            // Element-wise; skip drops the unknown elements rather than the row.
            var mapped = $"list_transform({c}, lambda __l: CAST({Index("__l")} AS DOUBLE))";
            if (model.HandleInvalid == "skip")
            {
                mapped = $"list_filter({mapped}, lambda __i: __i IS NOT NULL)";
            }
            return $"SELECT *, {mapped} AS {output} FROM {source}";
        }
        var where = model.HandleInvalid == "skip" ? $" WHERE {labels}[{c}] IS NOT NULL" : "";
        return $"SELECT *, CAST({Index(c)} AS DOUBLE) AS {output} FROM {source}{where}";
    }

    /// <summary>A DuckDB map literal from each label to its index, written by <paramref name="format"/>.</summary>
    public static string LabelMap(IReadOnlyList<string> labels, string valueType, Func<int, string> format) =>
        $"map({Sql.StrList(labels)}::VARCHAR[], [{string.Join(", ", labels.Select((_, i) => format(i)))}]::{valueType}[])";

    private static void CheckAllKnown(Database database, string values, string labels, SourceSpan span)
    {
        var bad = database.Query($"SELECT v FROM ({values}) WHERE v IS NULL OR {labels}[v] IS NULL LIMIT 1", span: span).Rows;
        if (bad.Count == 0)
        {
            return;
        }
        const string hint = "train the model with handleInvalid=\"keep\" (unknown labels get the index numLabels) or \"skip\" (their rows are dropped)";
        throw bad[0][0] is string label
            ? ByzerException.Runtime($"Unseen label: {label}. To handle unseen labels, set Param handleInvalid to keep.", span, hint)
            : ByzerException.Runtime(NullMessage, span, hint);
    }
}
