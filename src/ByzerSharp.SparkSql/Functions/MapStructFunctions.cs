using System.Globalization;
using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>Maps, structs and JSON (spark-vs-duckdb.md §1.7).</summary>
internal static class MapStructFunctions
{
    public static void Register(Registrar r)
    {
        r.Family = "map";
        r.Add("map", 0, FunctionLibrary.Variadic, c =>
        {
            if (c.Count % 2 != 0)
            {
                throw c.Error("map expects a positive even number of arguments (key, value, …)");
            }
            var keys = Enumerable.Range(0, c.Count / 2).Select(i => c[2 * i]).ToList();
            var values = Enumerable.Range(0, c.Count / 2).Select(i => c[2 * i + 1]).ToList();
            var kt = TypeCoercion.Wider(keys.Select(k => k.Type)) ?? SparkType.String;
            var vt = TypeCoercion.Wider(values.Select(v => v.Type)) ?? SparkType.String;
            kt = kt.Kind == TypeKind.Null ? SparkType.String : kt;
            vt = vt.Kind == TypeKind.Null ? SparkType.String : vt;
            return new FnResult(
                $"map([{string.Join(", ", keys.Select(k => Binder.CoerceBranch(k, kt).Sql))}]::{kt.ToDuck()}[], [{string.Join(", ", values.Select(v => Binder.CoerceBranch(v, vt).Sql))}]::{vt.ToDuck()}[])",
                new MapType(kt, vt));
        });
        r.Add("map_keys", 1, 1, c => new FnResult($"map_keys({c[0].Sql})", new ArrayType(Map(c).Key)));
        r.Add("map_values", 1, 1, c => new FnResult($"map_values({c[0].Sql})", new ArrayType(Map(c).Value)));
        r.Add("map_contains_key", 2, 2, c => new FnResult($"list_contains(map_keys({c[0].Sql}), {SparkCast.Coerce(c[1], Map(c).Key).Sql})", SparkType.Boolean));
        r.Add("map_from_arrays", 2, 2, c => new FnResult($"map({c[0].Sql}, {c[1].Sql})",
            new MapType(ArrayFunctions.Element(ArrayFunctions.Arr(c, 0)), ArrayFunctions.Element(ArrayFunctions.Arr(c, 1)))));
        r.Add("map_entries", 1, 1, c => new FnResult($"list_transform(map_entries({c[0].Sql}), lambda __e: struct_pack(key := __e.key, value := __e.value))",
            new ArrayType(new StructType([new StructField("key", Map(c).Key), new StructField("value", Map(c).Value)]))));
        r.Add("str_to_map", 1, 3, c =>
        {
            var pair = c.Count > 1 ? c.Str(1) : "','";
            var kv = c.Count > 2 ? c.Str(2) : "':'";
            return new FnResult(
                $"map_from_entries(list_transform(string_split({c.Str(0)}, {pair}), lambda __kv: struct_pack(k := split_part(__kv, {kv}, 1), v := CASE WHEN strpos(__kv, {kv}) > 0 THEN substr(__kv, strpos(__kv, {kv}) + length({kv})) END)))",
                new MapType(SparkType.String, SparkType.String));
        });

        r.Family = "struct";
        r.Add("named_struct", 2, FunctionLibrary.Variadic, c =>
        {
            if (c.Count % 2 != 0)
            {
                throw c.Error("named_struct expects name, value pairs");
            }
            var fields = new List<StructField>();
            var parts = new List<string>();
            for (var i = 0; i < c.Count; i += 2)
            {
                var name = c.LiteralString(i) ?? throw c.Error("named_struct field names must be string literals", i);
                fields.Add(new StructField(name, c[i + 1].Type));
                parts.Add($"{Sql.Ident(name)} := {c[i + 1].Sql}");
            }
            return new FnResult($"struct_pack({string.Join(", ", parts)})", new StructType(fields));
        });
        r.Add("struct", 1, FunctionLibrary.Variadic, c =>
        {
            // Columns keep their names; other expressions become colN.
            var fields = new List<StructField>();
            var parts = new List<string>();
            for (var i = 0; i < c.Count; i++)
            {
                var name = c.Call.Args[i] is Ast.ColumnRef ? c[i].Name : "col" + (i + 1).ToString(CultureInfo.InvariantCulture);
                fields.Add(new StructField(name, c[i].Type));
                parts.Add($"{Sql.Ident(name)} := {c[i].Sql}");
            }
            return new FnResult($"struct_pack({string.Join(", ", parts)})", new StructType(fields));
        });

        r.Family = "json";
        r.Add("get_json_object", 2, 2, c => new FnResult($"CASE WHEN json_valid({c.Str(0)}) THEN json_extract_string({c.Str(0)}, {c.Str(1)}) END", SparkType.String));
        r.Add("json_array_length", 1, 1, c => new FnResult($"CASE WHEN json_valid({c.Str(0)}) AND json_type({c.Str(0)}) = 'ARRAY' THEN CAST(json_array_length({c.Str(0)}) AS INTEGER) END", SparkType.Int));
        r.Add("json_object_keys", 1, 1, c => new FnResult($"CASE WHEN json_valid({c.Str(0)}) AND json_type({c.Str(0)}) = 'OBJECT' THEN json_keys({c.Str(0)}) END", new ArrayType(SparkType.String)));
        r.Add("to_json", 1, 2, c =>
        {
            var json = $"CAST(to_json({c[0].Sql}) AS VARCHAR)";
            return new FnResult(IgnoreNullFields(c) ? $"spark_strip_json_nulls({json})" : json, SparkType.String);
        });
    }

    /// <summary>
    /// to_json's options map: ignoreNullFields (Spark's default true) is honoured; other options
    /// would change the text in ways DuckDB's to_json cannot, so they fail instead of being ignored.
    /// </summary>
    private static bool IgnoreNullFields(FnCall c)
    {
        if (c.Count == 1)
        {
            return true;
        }
        if (c.Call.Args[1] is not Ast.FunctionCall { Name: var name } options || !name.Equals("map", StringComparison.OrdinalIgnoreCase)
            || options.Args.Any(a => a is not Ast.Literal))
        {
            throw c.Error("the options of to_json must be a map of string literals", 1, "write map('ignoreNullFields', 'false')");
        }
        var ignore = true;
        for (var i = 0; i + 1 < options.Args.Count; i += 2)
        {
            var key = ((Ast.Literal)options.Args[i]).Value;
            var value = ((Ast.Literal)options.Args[i + 1]).Value;
            if (!key.Equals("ignoreNullFields", StringComparison.OrdinalIgnoreCase))
            {
                throw c.Error($"to_json option '{key}' is not supported", 1, "ByzerSharp supports the ignoreNullFields option only");
            }
            ignore = !value.Equals("false", StringComparison.OrdinalIgnoreCase);
        }
        return ignore;
    }

    private static MapType Map(FnCall c) =>
        c[0].Type as MapType ?? throw c.Error($"argument 1 of {c.Call.Name} requires a map, but {c[0].Name} is {c[0].Type}", 0, "pass a map, e.g. map('a', 1)");
}
