using System.Globalization;
using System.Text.Json.Nodes;
using ByzerSharp.Delta.Schema;
using DuckDB.NET.Data;

namespace ByzerSharp.Delta.Write;

/// <summary>
/// Exact per-file stats (numRecords, minValues, maxValues, nullCount), computed by DuckDB from the file just
/// written. Where Spark's readers would need bounds that are not exact, they are left out (stats are
/// optional per column; wrong ones give wrong query results): strings longer than 32 characters, NaN-holding
/// floats, booleans, binary and nested columns. Timestamps are truncated to milliseconds as Spark writes them.
/// </summary>
public static class FileStats
{
    private const int MaxStringLength = 32;

    /// <summary>The stats JSON and the row count of a data file.</summary>
    public static (string Json, long Rows) Compute(DuckDBConnection connection, string file, IReadOnlyList<StructField> columns)
    {
        var select = new List<string> { "count(*)" };
        foreach (var c in columns)
        {
            var col = Sql.Ident(c.Name);
            select.Add($"count(*) - count({col})");
            if (HasBounds(c.Type))
            {
                select.Add(Text($"min({col})", c.Type));
                select.Add(Text($"max({col})", c.Type));
                select.Add(c.Type is PrimitiveType { Name: "double" or "float" } ? $"bool_or(isnan({col}))" : "false");
            }
        }
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", select)} FROM read_parquet({Sql.Str(file)}, hive_partitioning=false)";
        using var reader = command.ExecuteReader();
        reader.Read();
        var rows = reader.GetInt64(0);
        var min = new JsonObject();
        var max = new JsonObject();
        var nulls = new JsonObject();
        var i = 1;
        foreach (var c in columns)
        {
            var nullCount = reader.GetInt64(i++);
            nulls[c.Name] = nullCount;
            if (!HasBounds(c.Type))
            {
                continue;
            }
            var lo = reader.IsDBNull(i) ? null : reader.GetString(i);
            var hi = reader.IsDBNull(i + 1) ? null : reader.GetString(i + 1);
            var nan = !reader.IsDBNull(i + 2) && reader.GetBoolean(i + 2);
            i += 3;
            if (lo is null || hi is null || nan)
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

    private static bool HasBounds(DeltaType type) => type is PrimitiveType p && p.Name is not ("boolean" or "binary" or "void");

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
            case "double" or "float":
                return double.TryParse(text, NumberStyles.Float, inv, out var d) && double.IsFinite(d) ? JsonValue.Create(d) : null;
            case "string" or "date" or "timestamp" or "timestamp_ntz":
                return JsonValue.Create(text);
            default:
                return name.StartsWith("decimal", StringComparison.Ordinal) && decimal.TryParse(text, NumberStyles.Float, inv, out var m) ? JsonValue.Create(m) : null;
        }
    }
}
