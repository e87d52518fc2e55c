using System.Text.Json.Nodes;

namespace ByzerSharp.Delta.Schema;

/// <summary>A Delta (Spark) data type as written in the schemaString JSON.</summary>
public abstract record DeltaType
{
    public static DeltaType Parse(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue v when v.TryGetValue<string>(out var name):
                return new PrimitiveType(name);
            case JsonObject o:
                var kind = o["type"]?.GetValue<string>();
                return kind switch
                {
                    "struct" => StructType.Parse(o),
                    "array" => new ArrayType(Parse(o["elementType"]), o["containsNull"]?.GetValue<bool>() ?? true),
                    "map" => new MapType(Parse(o["keyType"]), Parse(o["valueType"]), o["valueContainsNull"]?.GetValue<bool>() ?? true),
                    _ => throw new DeltaException(DeltaErrorKind.Corrupt, $"unknown type in the table schema: {o.ToJsonString()}"),
                };
            default:
                throw new DeltaException(DeltaErrorKind.Corrupt, $"unreadable type in the table schema: {node?.ToJsonString() ?? "null"}");
        }
    }

    public abstract JsonNode ToJson();

    /// <summary>The same type with every field, element and value nullable.</summary>
    public abstract DeltaType AsNullable();

    /// <summary>Structural equality through the JSON form (field metadata included).</summary>
    public bool SameAs(DeltaType other) => ToJson().ToJsonString() == other.ToJson().ToJsonString();
}

/// <summary>string, long, integer, short, byte, float, double, boolean, binary, date, timestamp, timestamp_ntz, decimal(p,s), void.</summary>
public sealed record PrimitiveType(string Name) : DeltaType
{
    public override JsonNode ToJson() => JsonValue.Create(Name);

    public override DeltaType AsNullable() => this;

    public bool IsDecimal => Name.StartsWith("decimal", StringComparison.Ordinal);
}

public sealed record ArrayType(DeltaType Element, bool ContainsNull) : DeltaType
{
    public override JsonNode ToJson() => new JsonObject { ["type"] = "array", ["elementType"] = Element.ToJson(), ["containsNull"] = ContainsNull };

    public override DeltaType AsNullable() => new ArrayType(Element.AsNullable(), true);
}

public sealed record MapType(DeltaType Key, DeltaType Value, bool ValueContainsNull) : DeltaType
{
    public override JsonNode ToJson() => new JsonObject { ["type"] = "map", ["keyType"] = Key.ToJson(), ["valueType"] = Value.ToJson(), ["valueContainsNull"] = ValueContainsNull };

    public override DeltaType AsNullable() => new MapType(Key.AsNullable(), Value.AsNullable(), true);
}
