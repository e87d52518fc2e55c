using ByzerSharp.DataSources;
using ByzerSharp.Diagnostics;
using ByzerSharp.Results;

namespace ByzerSharp.Plugins.StringIndex;

/// <summary>
/// The options of <c>train t as StringIndex.`path` where inputCol=… and outputCol=…</c>, checked
/// against the input's columns with Spark's messages.
/// </summary>
public sealed record StringIndexOptions(string InputCol, bool InputIsArray, string OutputCol, string StringOrderType, string HandleInvalid)
{
    public static readonly string[] OrderTypes = ["frequencyDesc", "frequencyAsc", "alphabetDesc", "alphabetAsc"];

    public static readonly string[] InvalidModes = ["error", "skip", "keep"];

    public static StringIndexOptions Parse(OptionValues options, IReadOnlyList<ResultColumn> columns)
    {
        var inputName = options.Require("inputCol");
        var input = columns.FirstOrDefault(c => string.Equals(c.Name, inputName, StringComparison.OrdinalIgnoreCase));
        if (input is null)
        {
            var suggestion = Syntax.Parsing.Suggest.Closest(inputName, columns.Select(c => c.Name));
            throw ByzerException.Semantic(
                $"cannot resolve '{inputName}' given input columns: [{string.Join(", ", columns.Select(c => c.Name))}]",
                options.SpanOf("inputCol"),
                suggestion is not null ? $"did you mean '{suggestion}'?" : "inputCol names the column of labels to index");
        }
        var isArray = input.SparkType == "array<string>";
        if (input.SparkType != "string" && !isArray)
        {
            throw ByzerException.Semantic(
                $"{input.Name} should be arraytype or stringtype",
                options.SpanOf("inputCol"),
                $"{input.Name} is {input.SparkType}; index a string column, e.g. select cast({input.Name} as string) as {input.Name} first");
        }
        // Byzer defaults outputCol to inputCol, which Spark's StringIndexer then refuses.
        var output = options.Get("outputCol") ?? input.Name;
        if (columns.Any(c => string.Equals(c.Name, output, StringComparison.OrdinalIgnoreCase)))
        {
            throw ByzerException.Semantic(
                $"Output column {output} already exists.",
                options.SpanOf("outputCol"),
                options.Has("outputCol") ? "choose a new column name for outputCol" : "add outputCol=\"…\" with a new column name for the index");
        }
        return new StringIndexOptions(
            input.Name,
            isArray,
            output,
            options.GetChoice("stringOrderType", "frequencyDesc", OrderTypes),
            options.GetChoice("handleInvalid", "error", InvalidModes));
    }
}
