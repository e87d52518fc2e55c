using System.Text;
using System.Text.Json;
using ByzerSharp.Results;

namespace ByzerSharp.Cli.Output;

/// <summary>
/// The last table as a JSON array of Spark toJSON-style row objects (see <see cref="SparkJson"/>).
/// </summary>
public static class JsonRows
{
    public static string Write(ResultTable table, string? timeZone = null)
    {
        var zone = SparkJson.Zone(timeZone);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, SparkJson.WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var row in table.Rows)
            {
                SparkJson.WriteRow(writer, table.Columns, row, zone);
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
