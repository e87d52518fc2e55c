using System.Text.Json.Nodes;

namespace ByzerSharp.Delta.Log;

/// <summary>
/// <c>_delta_log/_last_checkpoint</c>: a hint only. Readers list the log anyway (a stale, broken or
/// missing hint must never change what is read); writers update it after each checkpoint.
/// </summary>
public sealed record LastCheckpoint(long Version, long Size, int? Parts)
{
    public const string FileName = "_last_checkpoint";

    /// <summary>The hint, or null when missing or unparsable.</summary>
    public static LastCheckpoint? TryRead(string logDir)
    {
        try
        {
            var node = JsonNode.Parse(File.ReadAllText(Path.Combine(logDir, FileName))) as JsonObject;
            return node is not null && Json.Long(node, "version") is { } v
                ? new LastCheckpoint(v, Json.Long(node, "size") ?? 0, (int?)Json.Long(node, "parts"))
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Replaces the hint atomically (temp file + rename), so a reader never sees half of it.</summary>
    public void Write(string logDir)
    {
        var json = new JsonObject { ["version"] = Version, ["size"] = Size };
        if (Parts is { } p)
        {
            json["parts"] = p;
        }
        var temp = Path.Combine(logDir, ".tmp-" + Guid.NewGuid().ToString("N") + ".last_checkpoint");
        File.WriteAllText(temp, json.ToJsonString());
        File.Move(temp, Path.Combine(logDir, FileName), overwrite: true);
    }
}
