using System.Text.Json.Nodes;

namespace ByzerSharp.Delta.Log;

/// <summary>Parses commit files (newline-delimited JSON, one action per line) into action objects.</summary>
public static class LogAction
{
    /// <summary>The actions of one commit file; a line that is not JSON makes the commit corrupt.</summary>
    public static IReadOnlyList<JsonObject> ReadCommit(string file)
    {
        var result = new List<JsonObject>();
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (FileNotFoundException e)
        {
            throw new DeltaException(DeltaErrorKind.Corrupt, $"the commit {Path.GetFileName(file)} disappeared while reading the log", "the log was cleaned up concurrently; retry", e);
        }
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                if (JsonNode.Parse(line) is JsonObject o)
                {
                    result.Add(o);
                }
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new DeltaException(DeltaErrorKind.Corrupt, $"the commit {Path.GetFileName(file)} is not valid JSON: {e.Message}", "the Delta log is damaged", e);
            }
        }
        return result;
    }
}
