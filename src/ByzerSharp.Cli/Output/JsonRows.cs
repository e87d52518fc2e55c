using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ByzerSharp.Results;

namespace ByzerSharp.Cli.Output;

/// <summary>
/// Rows as Spark's toJSON writes them: one object per row, null fields omitted, binary as base64,
/// dates yyyy-MM-dd, timestamps ISO-8601 with milliseconds.
/// </summary>
public static class JsonRows
{
    public static string Write(ResultTable table)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var row in table.Rows)
            {
                writer.WriteStartObject();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    if (row[i] is null)
                    {
                        continue;
                    }
                    writer.WritePropertyName(table.Columns[i].Name);
                    WriteValue(writer, row[i]);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
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
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case double d when double.IsNaN(d) || double.IsInfinity(d):
                writer.WriteStringValue(ValueText.FormatDouble(d));
                break;
            case double d:
                writer.WriteRawValue(ValueText.FormatDouble(d).Replace("E", "E", StringComparison.Ordinal));
                break;
            case float f:
                writer.WriteRawValue(ValueText.FormatDouble(f));
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case long or int or short or sbyte or byte or ushort or uint or ulong:
                writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case DateOnly d:
                writer.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTime dt:
                writer.WriteStringValue(dt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + (dt.Kind == DateTimeKind.Utc ? "Z" : ""));
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    if (v is null)
                    {
                        continue;
                    }
                    writer.WritePropertyName(k);
                    WriteValue(writer, v);
                }
                writer.WriteEndObject();
                break;
            case IList list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(ValueText.Format(value));
                break;
        }
    }
}
