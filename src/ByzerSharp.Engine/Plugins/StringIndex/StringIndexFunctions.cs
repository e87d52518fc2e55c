using System.Globalization;
using ByzerSharp.DuckDb;
using ByzerSharp.SparkSql.Types;
using ByzerSharp.Text;

namespace ByzerSharp.Plugins.StringIndex;

/// <summary>
/// The SQL functions <c>register StringIndex.`path` as f</c> adds, as DuckDB macros over the
/// model's labels, with Byzer's (HSQLStringIndex) behaviour:
/// f(string) → int, -1 for an unseen label, for null -1 under keep/skip and an error otherwise;
/// f_array(array&lt;string&gt;) → array&lt;int&gt;, dropping the -1s unless keep;
/// f_r(double) → the label of the truncated index, "__unknow__" out of range;
/// f_rarray(array&lt;double&gt;) → array&lt;string&gt;, dropping unknowns.
/// </summary>
public static class StringIndexFunctions
{
    public const string Unknown = "__unknow__";

    /// <summary>One function: its name, the parameter, the DuckDB body and Byzer's Spark return type.</summary>
    public sealed record Macro(string Name, string Parameter, string Body, SparkType ReturnType)
    {
        public string CreateSql => $"CREATE OR REPLACE MACRO {Sql.Ident(Name)}({Parameter}) AS {Body}";
    }

    public static IReadOnlyList<Macro> Macros(StringIndexModel model, string name)
    {
        var keep = model.HandleInvalid == "keep";
        var lenient = keep || model.HandleInvalid == "skip";
        var map = StringIndexTransform.LabelMap(model.Labels, "INTEGER", i => i.ToString(CultureInfo.InvariantCulture));
        string Index(string x) =>
            $"CASE WHEN {x} IS NULL THEN {(lenient ? "-1" : $"CAST(error({Sql.Str(StringIndexTransform.NullMessage)}) AS INTEGER)")} "
            + $"ELSE coalesce({map}[CAST({x} AS VARCHAR)], -1) END";
        var count = model.Labels.Count.ToString(CultureInfo.InvariantCulture);
        var labels = $"({Sql.StrList(model.Labels)}::VARCHAR[])";
        string Label(string x)
        {
            // Scala's index.toInt truncates toward zero.
            var t = $"trunc(CAST({x} AS DOUBLE))";
            return $"CASE WHEN {x} IS NULL THEN NULL WHEN {t} < 0 OR {t} >= {count} THEN {Sql.Str(Unknown)} ELSE {labels}[CAST({t} AS BIGINT) + 1] END";
        }
        var indexes = $"list_transform(__labels, lambda __x: {Index("__x")})";
        var names = $"list_transform(__indexes, lambda __x: {Label("__x")})";
        return
        [
            new(name, "__label", Index("__label"), SparkType.Int),
            new(name + "_array", "__labels", keep ? indexes : $"list_filter({indexes}, lambda __i: __i <> -1)", new ArrayType(SparkType.Int)),
            new(name + "_r", "__index", Label("__index"), SparkType.String),
            new(name + "_rarray", "__indexes", $"list_filter({names}, lambda __s: __s <> {Sql.Str(Unknown)})", new ArrayType(SparkType.String)),
        ];
    }
}
