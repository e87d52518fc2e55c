using System.Text.Json.Nodes;

namespace ByzerSharp.Delta.Log;

/// <summary>A remove action: a tombstone for a file no longer in the table (kept for VACUUM and time travel).</summary>
public sealed record RemoveFile(string Path, long? DeletionTimestamp, bool DataChange, JsonObject? DeletionVector, JsonObject Raw)
{
    public string DecodedPath => LogPaths.Decode(Path);

    public string Key => LogPaths.Key(DecodedPath, DeletionVector);

    public static RemoveFile Parse(JsonObject o) => new(
        Json.Str(o, "path") ?? throw new DeltaException(DeltaErrorKind.Corrupt, "a remove action has no path"),
        Json.Long(o, "deletionTimestamp"),
        Json.Bool(o, "dataChange") ?? true,
        o["deletionVector"] as JsonObject,
        o);

    /// <summary>The remove Spark's overwrite emits for a live file: the add's partition values, size and stats.</summary>
    public static JsonObject For(AddFile add, long timestamp)
    {
        var o = new JsonObject
        {
            ["path"] = add.Path,
            ["deletionTimestamp"] = timestamp,
            ["dataChange"] = true,
            ["extendedFileMetadata"] = true,
            ["partitionValues"] = Json.MapNode(add.PartitionValues),
            ["size"] = add.Size,
        };
        if (add.Stats is not null)
        {
            o["stats"] = add.Stats;
        }
        return o;
    }
}
