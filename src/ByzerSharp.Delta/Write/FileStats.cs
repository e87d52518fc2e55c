using System.Globalization;
using System.Text.Json.Nodes;
using ByzerSharp.Delta.Schema;
using DuckDB.NET.Data;

namespace ByzerSharp.Delta.Write;

/// <summary>
/// Exact per-file stats (numRecords, minValues, maxValues, nullCount) taken from the footer of the parquet file
/// just written: DuckDB records per row group min/max with exactness flags and null counts, so no second pass
/// over the data is needed. Bounds are left out (stats are optional per column; wrong ones give wrong query
/// results) unless every row group has exact ones, and always for strings longer than 32 characters, floats
/// (NaN ordering differs between Parquet and Spark), booleans, binary and nested columns. Timestamps are
/// truncated to milliseconds as Spark writes them (readers widen the max by 1 ms).
/// </summary>
public static class FileStats
{
    private const int MaxStringLength = 32;

    /// <summary>The stats JSON and the row count of a data file.</summary>
    public static (string Json, long Rows) Compute(DuckDBConnection connection, string file, IReadOnlyList<StructField> columns)
    {
        var select = new List<string> { "(SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM (SELECT DISTINCT row_group_id, row_group_num_rows AS n FROM md))" };
        foreach (var c in columns)
        {
            var where = $"path_in_schema = {Sql.Str(c.Name)}";
            // Null count is known only if every row group of the column recorded it.
            select.Add($"CASE WHEN count(*) FILTER (WHERE {where}) > 0 AND count(*) FILTER (WHERE {where} AND stats_null_count IS NULL) = 0 THEN CAST(sum(stats_null_count) FILTER (WHERE {where}) AS BIGINT) END");
            if (HasBounds(c.Type))
            {
                var duck = DuckTypes.ToDuck(c.Type);
                select.Add(Text($"min(TRY_CAST(stats_min_value AS {duck})) FILTER (WHERE {where})", c.Type));
                select.Add(Text($"max(TRY_CAST(stats_max_value AS {duck})) FILTER (WHERE {where})", c.Type));
                // Usable only if every row group holding values has exact, parsable bounds.
                select.Add($"count(*) FILTER (WHERE {where} AND stats_null_count IS DISTINCT FROM row_group_num_rows AND NOT (coalesce(min_is_exact, false) AND coalesce(max_is_exact, false) AND TRY_CAST(stats_min_value AS {duck}) IS NOT NULL AND TRY_CAST(stats_max_value AS {duck}) IS NOT NULL)) = 0");
            }
        }
        using var command = connection.CreateCommand();
        command.CommandText = $"WITH md AS (SELECT * FROM parquet_metadata({Sql.Str(file)})) SELECT {string.Join(", ", select)} FROM md";
        using var reader = command.ExecuteReader();
        reader.Read();
        var rows = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        var min = new JsonObject();
        var max = new JsonObject();
        var nulls = new JsonObject();
        var i = 1;
        foreach (var c in columns)
        {
            if (!reader.IsDBNull(i))
            {
                nulls[c.Name] = Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
            }
            i++;
            if (!HasBounds(c.Type))
            {
                continue;
            }
            var lo = reader.IsDBNull(i) ? null : reader.GetString(i);
            var hi = reader.IsDBNull(i + 1) ? null : reader.GetString(i + 1);
            var exact = !reader.IsDBNull(i + 2) && reader.GetBoolean(i + 2);
            i += 3;
            if (lo is null || hi is null || !exact)
            {
                continue;
            }
            if (c.Type is PrimitiveType { Name: "string" } && (lo.Length > MaxStringLength || hi.Length > MaxStringLength))
            {
                continue;
            }
            if (Value(lo, c.Type) is { } l && Value(hi, c.Type) is { } h)
            {
                min[c.Name] = l;
                max[c.Name] = h;
            }
        }
        var stats = new JsonObject { ["numRecords"] = rows, ["minValues"] = min, ["maxValues"] = max, ["nullCount"] = nulls };
        return (stats.ToJsonString(), rows);
    }

    private static bool HasBounds(DeltaType type) => type is PrimitiveType p && p.Name is not ("boolean" or "binary" or "void" or "float" or "double");

    private static string Text(string expression, DeltaType type) => type switch
    {
        PrimitiveType { Name: "timestamp" } => $"strftime(timezone('UTC', {expression}), '%Y-%m-%dT%H:%M:%S.%gZ')",
        PrimitiveType { Name: "timestamp_ntz" } => $"strftime({expression}, '%Y-%m-%dT%H:%M:%S.%g')",
        _ => $"CAST({expression} AS VARCHAR)",
    };

    private static JsonNode? Value(string text, DeltaType type)
    {
        var inv = CultureInfo.InvariantCulture;
        var name = ((PrimitiveType)type).Name;
        switch (name)
        {
            case "long" or "integer" or "short" or "byte":
                return long.TryParse(text, NumberStyles.Integer, inv, out var l) ? JsonValue.Create(l) : null;
            case "string" or "date" or "timestamp" or "timestamp_ntz":
                return JsonValue.Create(text);
            default:
                return name.StartsWith("decimal", StringComparison.Ordinal) && decimal.TryParse(text, NumberStyles.Float, inv, out var m) ? JsonValue.Create(m) : null;
        }
    }
}
