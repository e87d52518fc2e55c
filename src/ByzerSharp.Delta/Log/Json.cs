using System.Text.Json;
using System.Text.Json.Nodes;

namespace ByzerSharp.Delta.Log;

/// <summary>Small typed accessors over System.Text.Json nodes of log actions (unknown fields are kept, never rejected).</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static string? Str(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long? Long(JsonObject o, string key)
    {
        if (o[key] is not JsonValue v)
        {
            return null;
        }
        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }
        return v.TryGetValue<double>(out var d) ? (long)d : null;
    }

    public static bool? Bool(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static IReadOnlyList<string>? Strings(JsonObject o, string key) =>
        o[key] is JsonArray a ? a.Select(x => x?.GetValue<string>() ?? "").ToList() : null;

    /// <summary>A string→string map (partitionValues, configuration); JSON null values stay null.</summary>
    public static IReadOnlyDictionary<string, string?> Map(JsonObject o, string key)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (o[key] is JsonObject m)
        {
            foreach (var (k, v) in m)
            {
                result[k] = v is JsonValue jv ? (jv.TryGetValue<string>(out var s) ? s : jv.ToJsonString()) : null;
            }
        }
        return result;
    }

    public static JsonObject MapNode(IReadOnlyDictionary<string, string?> map)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map)
        {
            o[k] = v is null ? null : JsonValue.Create(v);
        }
        return o;
    }
}
