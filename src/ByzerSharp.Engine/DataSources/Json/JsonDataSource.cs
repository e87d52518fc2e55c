using ByzerSharp.DataSources.Files;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;
using ByzerSharp.Text;

namespace ByzerSharp.DataSources.Json;

/// <summary>
/// JSON Lines as Spark reads them: one object per line, the schema inferred over every record
/// (columns sorted by name, integers as bigint, fractions as double, objects as structs),
/// multiLine="true" reads whole documents. Saves write Spark's toJSON lines, null fields omitted.
/// </summary>
public sealed class JsonDataSource : IDataSource
{
    public string Name => "json";

    public string Executor => "duckdb";

    public bool CanLoad => true;

    public bool CanSave => true;

    public TableEntry Load(LoadContext context)
    {
        var files = DuckDbFileReader.Expand(context);
        var multiLine = context.Options.GetBool("multiLine", false);
        var inference = new JsonSchemaInference();
        foreach (var file in files)
        {
            if (multiLine)
            {
                inference.AddDocument(File.ReadAllText(file), "file:" + file, context.PathSpan);
                continue;
            }
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                inference.AddLine(line, $"file:{file}:{number}", context.PathSpan);
            }
        }
        var sql = ReadSql(context.Session, files, inference, multiLine, DuckDbFileReader.Hive(context, files), context.PathSpan);
        return context.Define(DuckDbFileReader.DecodePartitions(context, sql, files), TableKind.View, "load json");
    }

    /// <summary>The SELECT reading <paramref name="files"/> with the inferred schema (shared with jsonStr).</summary>
    public static string ReadSql(ByzerSession session, IReadOnlyList<string> files, JsonSchemaInference inference, bool multiLine, bool hive, SourceSpan? span)
    {
        if (inference.Schema.Fields.Count == 0)
        {
            throw Diagnostics.ByzerException.Runtime("the JSON input holds no records, so no schema can be inferred", span,
                "check that the files or the variable contain JSON objects, one per line");
        }
        var columns = "{" + string.Join(", ", inference.Schema.Fields.Select(f => Sql.Str(f.Key) + ": " + Sql.Str(f.Value.ToDuck()))) + "}";
        var format = multiLine ? "auto" : "newline_delimited";
        return $"SELECT * FROM read_json({Sql.StrList(files)}, format={Sql.Str(format)}, columns={columns}, hive_partitioning={Sql.Bool(hive)})";
    }

    public SaveSummary Save(SaveContext context)
    {
        var timeZone = context.Session.Options.TimeZone;
        return DuckDbFileWriter.Write(context, "json", (query, file) => JsonLinesWriter.Write(context.Session.Database, query, file, timeZone, context.Statement.Span));
    }
}
