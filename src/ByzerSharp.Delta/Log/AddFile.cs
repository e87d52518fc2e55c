using System.Text.Json.Nodes;

namespace ByzerSharp.Delta.Log;

/// <summary>An add action: a data file that is part of the table from this version on.</summary>
public sealed record AddFile(
    string Path,
    IReadOnlyDictionary<string, string?> PartitionValues,
    long Size,
    long ModificationTime,
    bool DataChange,
    string? Stats,
    JsonObject? StatsParsed,
    JsonObject? DeletionVector,
    JsonObject Raw)
{
    /// <summary>The on-disk relative (or absolute) path: add.path is a URI-encoded string, decoded exactly once.</summary>
    public string DecodedPath => LogPaths.Decode(Path);

    /// <summary>The logical-file key of log replay: the path plus the deletion vector's unique id.</summary>
    public string Key => LogPaths.Key(DecodedPath, DeletionVector);

    public static AddFile Parse(JsonObject o) => new(
        Json.Str(o, "path") ?? throw new DeltaException(DeltaErrorKind.Corrupt, "an add action has no path"),
        Json.Map(o, "partitionValues"),
        Json.Long(o, "size") ?? 0,
        Json.Long(o, "modificationTime") ?? 0,
        Json.Bool(o, "dataChange") ?? true,
        Json.Str(o, "stats"),
        o["stats_parsed"] as JsonObject,
        o["deletionVector"] as JsonObject,
        o);

    /// <summary>The parsed stats JSON (string form, else the checkpoint's stats_parsed), or null when absent or unreadable.</summary>
    public JsonObject? ParsedStats()
    {
        if (Stats is { Length: > 0 } s)
        {
            try
            {
                return JsonNode.Parse(s) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
        return StatsParsed;
    }
}
