using System.Text.Json.Nodes;
using ByzerSharp.Delta.Schema;

namespace ByzerSharp.Delta.Log;

/// <summary>The metaData action: table id, schema, partition columns and table properties.</summary>
public sealed record Metadata(
    string Id,
    string? Name,
    string? Description,
    string SchemaString,
    IReadOnlyList<string> PartitionColumns,
    IReadOnlyDictionary<string, string?> Configuration,
    long? CreatedTime,
    JsonObject Format)
{
    // Keyed by the text: `with { SchemaString = … }` copies this field, so a bare cache would go stale.
    private (string Text, StructType Parsed)? _schema;

    /// <summary>The parsed table schema.</summary>
    public StructType Schema
    {
        get
        {
            if (_schema is not { } cached || !ReferenceEquals(cached.Text, SchemaString))
            {
                _schema = cached = (SchemaString, StructType.Parse(SchemaString));
            }
            return cached.Parsed;
        }
    }

    public string? Config(string key) => Configuration.TryGetValue(key, out var v) ? v : null;

    /// <summary>The column mapping mode: none, name or id.</summary>
    public string ColumnMappingMode => (Config("delta.columnMapping.mode") ?? "none").ToLowerInvariant();

    public static Metadata Parse(JsonObject o) => new(
        Json.Str(o, "id") ?? throw new DeltaException(DeltaErrorKind.Corrupt, "a metaData action has no id"),
        Json.Str(o, "name"),
        Json.Str(o, "description"),
        Json.Str(o, "schemaString") ?? throw new DeltaException(DeltaErrorKind.Corrupt, "a metaData action has no schemaString"),
        Json.Strings(o, "partitionColumns") ?? [],
        Json.Map(o, "configuration"),
        Json.Long(o, "createdTime"),
        o["format"] is JsonObject f ? (JsonObject)f.DeepClone() : new JsonObject { ["provider"] = "parquet", ["options"] = new JsonObject() });

    public JsonObject ToJson()
    {
        var o = new JsonObject { ["id"] = Id };
        if (Name is not null)
        {
            o["name"] = Name;
        }
        if (Description is not null)
        {
            o["description"] = Description;
        }
        o["format"] = Format.DeepClone();
        o["schemaString"] = SchemaString;
        o["partitionColumns"] = new JsonArray(PartitionColumns.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
        o["configuration"] = Json.MapNode(Configuration);
        if (CreatedTime is { } t)
        {
            o["createdTime"] = t;
        }
        return o;
    }
}
