using System.Text.Json.Nodes;

namespace ByzerSharp.Delta.Schema;

/// <summary>A column (or nested field) of a struct.</summary>
public sealed record StructField(string Name, DeltaType Type, bool Nullable, JsonObject Metadata)
{
    public static StructField Of(string name, DeltaType type) => new(name, type, true, new JsonObject());

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["type"] = Type.ToJson(),
        ["nullable"] = Nullable,
        ["metadata"] = Metadata.DeepClone(),
    };

    /// <summary>The name in the data files: the column mapping physical name when there is one.</summary>
    public string PhysicalName(string mappingMode) =>
        mappingMode != "none" && Metadata["delta.columnMapping.physicalName"] is JsonValue v && v.TryGetValue<string>(out var p) ? p : Name;
}

/// <summary>A struct type; the table schema is the top-level one.</summary>
public sealed record StructType(IReadOnlyList<StructField> Fields) : DeltaType
{
    public static StructType Parse(string schemaString)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(schemaString);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new DeltaException(DeltaErrorKind.Corrupt, "the table schema is not valid JSON: " + e.Message, null, e);
        }
        return node is JsonObject o ? Parse(o) : throw new DeltaException(DeltaErrorKind.Corrupt, "the table schema is not a struct");
    }

    internal static StructType Parse(JsonObject o)
    {
        var fields = new List<StructField>();
        foreach (var f in o["fields"] as JsonArray ?? [])
        {
            if (f is not JsonObject field)
            {
                continue;
            }
            fields.Add(new StructField(
                field["name"]?.GetValue<string>() ?? throw new DeltaException(DeltaErrorKind.Corrupt, "a schema field has no name"),
                Parse(field["type"]),
                field["nullable"]?.GetValue<bool>() ?? true,
                field["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : new JsonObject()));
        }
        return new StructType(fields);
    }

    public override JsonNode ToJson() => new JsonObject
    {
        ["type"] = "struct",
        ["fields"] = new JsonArray(Fields.Select(f => (JsonNode?)f.ToJson()).ToArray()),
    };

    public string ToSchemaString() => ToJson().ToJsonString();

    public override DeltaType AsNullable() => new StructType(Fields.Select(f => f with { Type = f.Type.AsNullable(), Nullable = true }).ToList());

    public StructField? Find(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
