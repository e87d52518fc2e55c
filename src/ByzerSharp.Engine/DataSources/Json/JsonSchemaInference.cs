using System.Text.Json;
using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.DataSources.Json;

/// <summary>
/// Infers the schema of JSON records over every record, as Spark does (samplingRatio 1.0):
/// DuckDB's own detection differs (it samples, turns ISO strings into dates and keeps field
/// order), so the schema is computed here and handed to read_json.
/// </summary>
public sealed class JsonSchemaInference
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip };

    private JsonType.Struct _schema = new(new SortedDictionary<string, JsonType>(StringComparer.Ordinal));

    public int Records { get; private set; }

    public JsonType.Struct Schema => _schema;

    /// <summary>Adds one JSON Lines record; blank lines are skipped.</summary>
    public void AddLine(string line, string where, SourceSpan? span)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }
        AddDocument(line, where, span);
    }

    /// <summary>Adds a document: an object is one record, an array of objects is one record per element.</summary>
    public void AddDocument(string text, string where, SourceSpan? span)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw ByzerException.Runtime($"malformed JSON record at {where}: {e.Message}", span,
                "each line must hold one JSON object; use multiLine=\"true\" for documents spread over several lines");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in root.EnumerateArray())
                {
                    AddRecord(item, where, span);
                }
            }
            else
            {
                AddRecord(root, where, span);
            }
        }
    }

    private void AddRecord(JsonElement record, string where, SourceSpan? span)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw ByzerException.Runtime($"JSON record at {where} is not an object: {Preview(record)}", span, "each record must be a JSON object {\"column\": value, …}");
        }
        _schema = JsonType.Struct.Merge(_schema, (JsonType.Struct)Infer(record));
        Records++;
    }

    private static JsonType Infer(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => JsonType.Null,
        JsonValueKind.True or JsonValueKind.False => JsonType.Boolean,
        JsonValueKind.String => JsonType.String,
        JsonValueKind.Number => InferNumber(value),
        JsonValueKind.Array => new JsonType.Array(value.EnumerateArray().Aggregate(JsonType.Null, (t, e) => JsonType.Merge(t, Infer(e)))),
        JsonValueKind.Object => new JsonType.Struct(new SortedDictionary<string, JsonType>(
            value.EnumerateObject().GroupBy(p => p.Name).ToDictionary(g => g.Key, g => Infer(g.Last().Value)), StringComparer.Ordinal)),
        _ => JsonType.String,
    };

    private static JsonType InferNumber(JsonElement value)
    {
        var raw = value.GetRawText();
        if (raw.IndexOfAny(['.', 'e', 'E']) >= 0)
        {
            return JsonType.Double;
        }
        return value.TryGetInt64(out _) ? JsonType.Long : JsonType.Decimal;
    }

    private static string Preview(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
