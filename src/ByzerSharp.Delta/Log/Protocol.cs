using System.Text.Json.Nodes;

namespace ByzerSharp.Delta.Log;

/// <summary>The protocol action: the reader/writer versions and, for versions 3/7, the explicit table features.</summary>
public sealed record Protocol(int MinReaderVersion, int MinWriterVersion, IReadOnlyList<string>? ReaderFeatures, IReadOnlyList<string>? WriterFeatures)
{
    /// <summary>What Spark writes for a new table without special features.</summary>
    public static Protocol Default { get; } = new(1, 2, null, null);

    public static Protocol Parse(JsonObject o) => new(
        (int)(Json.Long(o, "minReaderVersion") ?? 0),
        (int)(Json.Long(o, "minWriterVersion") ?? 0),
        Json.Strings(o, "readerFeatures"),
        Json.Strings(o, "writerFeatures"));

    public JsonObject ToJson()
    {
        var o = new JsonObject { ["minReaderVersion"] = MinReaderVersion, ["minWriterVersion"] = MinWriterVersion };
        if (ReaderFeatures is not null)
        {
            o["readerFeatures"] = new JsonArray(ReaderFeatures.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        }
        if (WriterFeatures is not null)
        {
            o["writerFeatures"] = new JsonArray(WriterFeatures.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        }
        return o;
    }
}
