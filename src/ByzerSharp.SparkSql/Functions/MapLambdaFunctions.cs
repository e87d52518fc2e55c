using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>
/// Map functions built on the map's entry list: map_concat, map_from_entries and the higher-order
/// map_filter, transform_keys, transform_values and map_zip_with.
/// </summary>
internal static class MapLambdaFunctions
{
    public static void Register(Registrar r)
    {
        r.Family = "map";
        r.Add("map_concat", 1, FunctionLibrary.Variadic, c =>
        {
            var type = TypeCoercion.Wider(c.Args.Select(a => a.Type)) as MapType ?? throw c.Error("map_concat needs maps of one type");
            var sql = c.Args.Select(a => SparkCast.Coerce(a, type).Sql).Aggregate((acc, m) => $"map_concat({acc}, {m})");
            return new FnResult(sql, type);
        });
        r.Add("map_from_entries", 1, 1, c =>
        {
            var entry = (ArrayFunctions.Element(ArrayFunctions.Arr(c, 0)) as StructType) is { Fields.Count: 2 } s
                ? s
                : throw c.Error("map_from_entries needs an array of (key, value) structs", 0);
            var type = new MapType(entry.Fields[0].Type, entry.Fields[1].Type);
            return new FnResult($"CAST(map_from_entries({c[0].Sql}) AS {type.ToDuck()})", type);
        });
        r.Add("map_filter", 2, 2, c =>
        {
            var m = Map(c);
            var e = c.Var("e");
            var body = c.LambdaBody(1, [(m.Key, $"{e}.key"), (m.Value, $"{e}.value")]);
            return new FnResult($"CAST(map_from_entries(list_filter(map_entries({c[0].Sql}), lambda {e}: {SparkCast.Coerce(body, SparkType.Boolean).Sql})) AS {m.ToDuck()})", m)
            {
                Name = $"map_filter({c[0].Name}, {body.Name})",
            };
        });
        r.Add(["transform_keys", "transform_values"], 2, 2, c =>
        {
            var m = Map(c);
            var e = c.Var("e");
            var body = c.LambdaBody(1, [(m.Key, $"{e}.key"), (m.Value, $"{e}.value")]);
            var keys = c.Call.Name.Equals("transform_keys", StringComparison.OrdinalIgnoreCase);
            var type = keys ? new MapType(body.Type, m.Value) : new MapType(m.Key, body.Type);
            var entry = keys ? $"struct_pack(key := {body.Sql}, value := {e}.value)" : $"struct_pack(key := {e}.key, value := {body.Sql})";
            return new FnResult($"CAST(map_from_entries(list_transform(map_entries({c[0].Sql}), lambda {e}: {entry})) AS {type.ToDuck()})", type)
            {
                Name = $"{c.Call.Name.ToLowerInvariant()}({c[0].Name}, {body.Name})",
            };
        });
        r.Add("map_zip_with", 3, 3, c =>
        {
            var left = Map(c);
            var right = c[1].Type as MapType ?? throw c.Error("map_zip_with needs two maps", 1);
            var k = c.Var("k");
            var body = c.LambdaBody(2, [(left.Key, k), (left.Value, $"map_extract_value({c[0].Sql}, {k})"), (right.Value, $"map_extract_value({c[1].Sql}, {k})")]);
            var type = new MapType(left.Key, body.Type);
            var keys = $"list_distinct(list_concat(map_keys({c[0].Sql}), map_keys({c[1].Sql})))";
            return new FnResult(
                $"CASE WHEN {c[0].Sql} IS NULL OR {c[1].Sql} IS NULL THEN NULL ELSE CAST(map_from_entries(list_transform({keys}, lambda {k}: struct_pack(key := {k}, value := {body.Sql}))) AS {type.ToDuck()}) END",
                type)
            {
                Name = $"map_zip_with({c[0].Name}, {c[1].Name}, {body.Name})",
            };
        });
    }

    /// <summary>zip_with(a, b, (x, y) -> …): the shorter array is padded with NULLs, as in Spark.</summary>
    internal static void RegisterZipWith(Registrar r)
    {
        r.Family = "array";
        r.Add("zip_with", 3, 3, c =>
        {
            var left = ArrayFunctions.Element(ArrayFunctions.Arr(c, 0));
            var right = ArrayFunctions.Element(ArrayFunctions.Arr(c, 1));
            var i = c.Var("i");
            var body = c.LambdaBody(2, [(left, $"list_extract({c[0].Sql}, {i})"), (right, $"list_extract({c[1].Sql}, {i})")]);
            var type = new ArrayType(body.Type);
            return new FnResult(
                $"CASE WHEN {c[0].Sql} IS NULL OR {c[1].Sql} IS NULL THEN NULL ELSE CAST(list_transform(range(1, greatest(len({c[0].Sql}), len({c[1].Sql})) + 1), lambda {i}: {body.Sql}) AS {type.ToDuck()}) END",
                type)
            {
                Name = $"zip_with({c[0].Name}, {c[1].Name}, {body.Name})",
            };
        });
    }

    private static MapType Map(FnCall c) => c[0].Type as MapType ?? throw c.Error($"{c.Call.Name} needs a map", 0);
}
