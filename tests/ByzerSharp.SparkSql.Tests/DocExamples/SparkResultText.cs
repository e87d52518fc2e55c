using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Tests.DocExamples;

/// <summary>
/// Renders a translated query's rows the way Spark prints them in its function documentation
/// (HiveResult.hiveResultString): top-level strings bare and NULL as <c>NULL</c>; inside arrays,
/// maps and structs strings are quoted and nulls are <c>null</c>; arrays <c>[1,2]</c>, maps
/// <c>{1:"a",2:"b"}</c> with entries sorted, structs <c>{"a":1,"b":null}</c>; doubles with Java's
/// Double.toString; binary as UTF-8 text; one line per row, columns separated by a tab.
/// The rendering is done in DuckDB SQL around the translated query, so no DuckDB value has to be
/// mapped to a .NET type first.
/// </summary>
public static class SparkResultText
{
    public static string WrapSql(TranslatedQuery query)
    {
        var names = Enumerable.Range(0, query.Columns.Count).Select(i => $"c{i}").ToList();
        var lambda = 0;
        var rendered = query.Columns.Select((c, i) => $"coalesce({Render($"t.{names[i]}", c.Type, nested: false, ref lambda)}, 'NULL')");
        return $"SELECT {string.Join(" || chr(9) || ", rendered)} FROM ({query.Sql}) AS t({string.Join(", ", names)})";
    }

    private static string Render(string x, SparkType type, bool nested, ref int lambda)
    {
        switch (type)
        {
            case ArrayType a:
            {
                var v = $"v{lambda++}";
                var element = Render(v, a.Element, nested: true, ref lambda);
                return $"('[' || array_to_string(list_transform({x}, {v} -> coalesce({element}, 'null')), ',') || ']')";
            }
            case MapType m:
            {
                var e = $"e{lambda++}";
                var key = Render($"{e}.key", m.Key, nested: true, ref lambda);
                var value = Render($"{e}.value", m.Value, nested: true, ref lambda);
                return $"('{{' || array_to_string(list_sort(list_transform(map_entries({x}), {e} -> {key} || ':' || coalesce({value}, 'null'))), ',') || '}}')";
            }
            case StructType s:
            {
                var lam = lambda;
                var fields = s.Fields.Select(f =>
                {
                    var field = Render($"struct_extract({x}, '{f.Name.Replace("'", "''", StringComparison.Ordinal)}')", f.Type, nested: true, ref lam);
                    return $"'\"{f.Name.Replace("'", "''", StringComparison.Ordinal)}\":' || coalesce({field}, 'null')";
                }).ToList();
                lambda = lam;
                return fields.Count == 0 ? "'{}'" : $"(CASE WHEN {x} IS NULL THEN NULL ELSE '{{' || {string.Join(" || ',' || ", fields)} || '}}' END)";
            }
        }
        return type.Kind switch
        {
            TypeKind.Null => "CAST(NULL AS VARCHAR)",
            TypeKind.Boolean => $"(CASE WHEN {x} THEN 'true' WHEN NOT {x} THEN 'false' END)",
            TypeKind.Float or TypeKind.Double => $"spark_double_str(CAST({x} AS DOUBLE))",
            TypeKind.String => nested ? $"('\"' || {x} || '\"')" : $"CAST({x} AS VARCHAR)",
            TypeKind.Binary => $"decode({x})",
            _ => $"CAST({x} AS VARCHAR)",
        };
    }
}
