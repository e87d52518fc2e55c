using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ByzerSharp.DuckDb;
using ByzerSharp.Text;

namespace ByzerSharp.DataSources.Json;

/// <summary>
/// Writes rows as Spark's JSON writer does (ignoreNullFields): null fields are left out at every
/// level, timestamps use yyyy-MM-dd'T'HH:mm:ss.SSSXXX, binary is base64. DuckDB's COPY writes
/// "col":null, which Spark never does, hence this writer.
/// </summary>
public static class JsonLinesWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static void Write(Database database, string query, string file, string? timeZone, SourceSpan? span)
    {
        var zone = FindZone(timeZone);
        var described = database.Describe(query, span);
        var columns = described.Select(c => c.Name).ToArray();
        // Nested values come as DuckDB's JSON text: DuckDB.NET cannot read lists holding nulls.
        var nested = described.Select(c => IsNested(c.DuckType)).ToArray();
        query = "SELECT " + string.Join(", ", described.Select((c, i) => nested[i] ? $"to_json({Sql.Ident(c.Name)})" : Sql.Ident(c.Name))) + $" FROM ({query})";
        using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        var newline = "\n"u8.ToArray();
        database.Stream(query, row =>
        {
            writer.WriteStartObject();
            for (var i = 0; i < columns.Length; i++)
            {
                if (row[i] is null)
                {
                    continue;
                }
                writer.WritePropertyName(columns[i]);
                if (nested[i])
                {
                    WithoutNullFields(JsonNode.Parse((string)row[i]!))!.WriteTo(writer);
                }
                else
                {
                    WriteValue(writer, row[i], zone);
                }
            }
            writer.WriteEndObject();
            writer.Flush();
            stream.Write(newline);
            writer.Reset(stream);
        }, span);
    }

    private static bool IsNested(string duckType) =>
        duckType.EndsWith(']') || duckType.StartsWith("STRUCT", StringComparison.Ordinal) || duckType.StartsWith("MAP", StringComparison.Ordinal)
        || duckType.StartsWith("UNION", StringComparison.Ordinal);

    private static JsonNode? WithoutNullFields(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is null)
                    {
                        obj.Remove(key);
                    }
                    else
                    {
                        WithoutNullFields(value);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    WithoutNullFields(item);
                }
                break;
        }
        return node;
    }

    private static TimeZoneInfo FindZone(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return TimeZoneInfo.Local;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, TimeZoneInfo zone)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue(f);
                break;
            case double or float:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture) switch { "∞" => "Infinity", "-∞" => "-Infinity", var t => t });
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case long or int or short or sbyte or byte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                writer.WriteNumberValue(u);
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset dto:
                writer.WriteStringValue(Timestamp(TimeZoneInfo.ConvertTime(dto, zone)));
                break;
            case DateTime dt:
                // A DuckDB TIMESTAMP is a wall-clock time in the session zone.
                writer.WriteStringValue(Timestamp(new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified), zone.GetUtcOffset(dt))));
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    if (v is not null)
                    {
                        writer.WritePropertyName(k);
                        WriteValue(writer, v, zone);
                    }
                }
                writer.WriteEndObject();
                break;
            case IList list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item, zone);
                }
                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Results.ValueText.Format(value));
                break;
        }
    }

    private static string Timestamp(DateTimeOffset t)
    {
        var text = t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
        return t.Offset == TimeSpan.Zero ? text + "Z" : text + t.ToString("zzz", CultureInfo.InvariantCulture);
    }
}
