using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ByzerSharp.DuckDb;
using ByzerSharp.SparkSql.Types;
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
        var described = database.Describe(query, span);
        var columns = described.Select(c => c.Name).ToArray();
        // Nested values come as DuckDB's JSON text: DuckDB.NET cannot read lists holding nulls.
        var nested = described.Select(c => IsNested(c.DuckType)).ToArray();
        // Structs and maps are both JSON objects in DuckDB's text: the column's type tells which drops its nulls.
        var types = described.Select(c => IsNested(c.DuckType) ? TypeParser.FromDuck(c.DuckType) : null).ToArray();
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
                    WithoutNullFields(JsonNode.Parse((string)row[i]!), types[i])!.WriteTo(writer);
                }
                else
                {
                    Results.SparkJson.WriteValue(writer, row[i], zone);
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

    /// <summary>Removes the null fields of structs (of any object when the type is not known); map values and array items stay.</summary>
    private static JsonNode? WithoutNullFields(JsonNode? node, SparkType? type)
    {
        switch (node)
        {
            case JsonObject obj when type is MapType map:
                foreach (var (_, value) in obj)
                {
                    WithoutNullFields(value, map.Value);
                }
                break;
            case JsonObject obj:
                var fields = type as StructType;
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is null)
                    {
                        obj.Remove(key);
                    }
                    else
                    {
                        WithoutNullFields(value, fields?.Fields.FirstOrDefault(f => f.Name == key)?.Type);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    WithoutNullFields(item, (type as ArrayType)?.Element);
                }
                break;
        }
        return node;
    }
}
