using System.Text.Encodings.Web;
using System.Text.Json;
using ByzerSharp.DuckDb;
using ByzerSharp.Text;

namespace ByzerSharp.DataSources.Json;

/// <summary>
/// Writes rows as Spark's JSON writer does (ignoreNullFields): null fields of rows and structs are left
/// out at every level, while a map keeps its null values ("k":null, as Spark's generator writes map
/// entries); timestamps use yyyy-MM-dd'T'HH:mm:ss.SSSXXX, binary is base64. DuckDB's COPY writes
/// "col":null, which Spark never does, hence this writer.
/// </summary>
public static class JsonLinesWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static void Write(Database database, string query, string file, string? timeZone, SourceSpan? span)
    {
        var zone = Results.SparkJson.Zone(timeZone);
        var columns = database.Describe(query, span).Select(c => c.Name).ToArray();
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
                Results.SparkJson.WriteValue(writer, row[i], zone);
            }
            writer.WriteEndObject();
            writer.Flush();
            stream.Write(newline);
            writer.Reset(stream);
        }, span);
    }
}
