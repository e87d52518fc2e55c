using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ByzerSharp.Results;

/// <summary>
/// Values as Spark's JSON writer and Dataset.toJSON write them (ignoreNullFields): null columns and
/// struct fields left out at every level, null map values and array elements written as null, doubles in Java's form (1.0, 1.0E10), binary as base64, dates yyyy-MM-dd,
/// timestamps yyyy-MM-dd'T'HH:mm:ss.SSSXXX in the session time zone. Used by the json data
/// source and by `byzer run --format json`.
/// </summary>
public static class SparkJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The session zone by id; the machine's zone when none is set.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        string.IsNullOrEmpty(id) ? TimeZoneInfo.Local
        : TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>One row as an object; null columns are left out.</summary>
    public static void WriteRow(Utf8JsonWriter writer, IReadOnlyList<ResultColumn> columns, object?[] row, TimeZoneInfo zone)
    {
        writer.WriteStartObject();
        for (var i = 0; i < columns.Count; i++)
        {
            if (row[i] is null)
            {
                continue;
            }
            writer.WritePropertyName(columns[i].Name);
            WriteValue(writer, row[i], zone);
        }
        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value, TimeZoneInfo zone)
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
                writer.WriteRawValue(ValueText.FormatDouble(d), skipInputValidation: true);
                break;
            case float f when float.IsFinite(f):
                writer.WriteRawValue(ValueText.FormatFloat(f), skipInputValidation: true);
                break;
            case double d:
                writer.WriteStringValue(ValueText.FormatDouble(d));
                break;
            case float f:
                writer.WriteStringValue(ValueText.FormatFloat(f));
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
            case StructValue fields:
                writer.WriteStartObject();
                foreach (var (k, v) in fields)
                {
                    if (v is not null)
                    {
                        writer.WritePropertyName(k);
                        WriteValue(writer, v, zone);
                    }
                }
                writer.WriteEndObject();
                break;
            case IDictionary<string, object?> map:
                // ignoreNullFields is about struct fields: a map's null values are written, as Spark's JacksonGenerator does.
                writer.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    writer.WritePropertyName(k);
                    WriteValue(writer, v, zone);
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
                writer.WriteStringValue(ValueText.Format(value));
                break;
        }
    }

    private static string Timestamp(DateTimeOffset t)
    {
        var text = t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
        return t.Offset == TimeSpan.Zero ? text + "Z" : text + t.ToString("zzz", CultureInfo.InvariantCulture);
    }
}
