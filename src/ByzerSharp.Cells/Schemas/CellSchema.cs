using System.Text.Json;
using ByzerSharp.Diagnostics;
using ByzerSharp.SparkSql.Types;
using ByzerSharp.Text;

namespace ByzerSharp.Cells.Schemas;

/// <summary>
/// The output schema of a cell, written the three ways Byzer accepts (byzer-spec §4.4):
/// <c>st(field(name,type),…)</c>, a Spark JSON schema (<c>{"type":"struct",…}</c>) or DDL
/// (<c>a int, b array&lt;string&gt;</c>); and <c>file</c>, the (start, offset, value) rows of a
/// tar stream (see <see cref="Files.FileRows"/>).
/// </summary>
public static class CellSchema
{
    /// <summary>The schema <c>file</c> stands for.</summary>
    public static readonly StructType File = new([
        new StructField("start", SparkType.Long),
        new StructField("offset", SparkType.Long),
        new StructField("value", SparkType.Binary),
    ]);

    /// <summary>Parses a schema; errors point into <paramref name="span"/> (the written value) when given.</summary>
    public static StructType Parse(string text, SourceSpan? span = null)
    {
        var trimmed = text.Trim();
        try
        {
            if (trimmed.Equals("file", StringComparison.OrdinalIgnoreCase))
            {
                return File;
            }
            if (trimmed.StartsWith('{'))
            {
                return SparkJson(trimmed);
            }
            if (trimmed.StartsWith("st(", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("st (", StringComparison.OrdinalIgnoreCase))
            {
                return ByzerSchemaReader.Parse(trimmed);
            }
            return Ddl(trimmed);
        }
        catch (SchemaSyntaxException e)
        {
            var offset = text.Length - text.TrimStart().Length + e.Offset;
            throw ByzerException.Semantic(
                $"invalid schema: {e.Message}",
                span is { } s && s.Length == text.Length ? s.Slice(offset, 1) : span,
                "write st(field(name,type),…) with types string|integer|long|double|float|boolean|binary|array(T)|map(K,V)|st(…), a Spark JSON schema, DDL like 'a int, b string', or file");
        }
    }

    private static StructType Ddl(string text)
    {
        var fields = new List<StructField>();
        var position = 0;
        foreach (var part in TopLevel.Split(text, ','))
        {
            var column = part.Trim();
            var at = position + (part.Length - part.TrimStart().Length);
            position += part.Length + 1;
            if (column.Length == 0)
            {
                throw new SchemaSyntaxException("empty column definition", at);
            }
            var space = column.IndexOfAny([' ', '\t', ':']);
            if (space <= 0)
            {
                throw new SchemaSyntaxException($"'{column}' has no type (write: name type)", at);
            }
            var name = column[..space].Trim('`');
            var typeText = column[(space + 1)..].Trim().TrimStart(':').Trim();
            var type = TypeParser.ParseSpark(typeText) ?? throw new SchemaSyntaxException($"unknown type '{typeText}'", at + space + 1);
            fields.Add(new StructField(name, type));
        }
        return new StructType(fields);
    }

    private static StructType SparkJson(string text)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException e)
        {
            throw new SchemaSyntaxException("not valid JSON: " + e.Message, 0);
        }
        return JsonType(root) as StructType ?? throw new SchemaSyntaxException("a Spark JSON schema must be a struct", 0);
    }

    private static SparkType JsonType(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            var name = element.GetString()!;
            return ByzerSchemaReader.Primitive(name) ?? TypeParser.ParseSpark(name) ?? throw new SchemaSyntaxException($"unknown type '{name}'", 0);
        }
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var kind))
        {
            throw new SchemaSyntaxException("a JSON type is a name or an object with \"type\"", 0);
        }
        return kind.GetString() switch
        {
            "struct" => new StructType(element.GetProperty("fields").EnumerateArray()
                .Select(f => new StructField(f.GetProperty("name").GetString()!, JsonType(f.GetProperty("type")))).ToList()),
            "array" => new ArrayType(JsonType(element.GetProperty("elementType"))),
            "map" => new MapType(JsonType(element.GetProperty("keyType")), JsonType(element.GetProperty("valueType"))),
            var other => throw new SchemaSyntaxException($"unknown JSON type '{other}'", 0),
        };
    }
}

/// <summary>A schema error at an offset of the schema text.</summary>
internal sealed class SchemaSyntaxException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}
