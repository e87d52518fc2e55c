using ByzerSharp.DataSources.Files;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.DataSources.Json;

/// <summary>
/// JSON Lines as Spark reads them: one object per line, columns sorted by name (Spark's
/// inference order), integers as bigint and fractions as double; multiLine="true" reads whole
/// documents. Saves write JSON Lines part files.
/// </summary>
public sealed class JsonDataSource : IDataSource
{
    public string Name => "json";

    public string Executor => "duckdb";

    public bool CanLoad => true;

    public bool CanSave => true;

    public TableEntry Load(LoadContext context)
    {
        var (files, hive) = DuckDbFileReader.Files(context);
        return context.Define(ReadSql(context, files, hive), TableKind.View, "load json");
    }

    public static string ReadSql(LoadContext context, string fileList, bool hive)
    {
        var multiLine = context.Options.GetBool("multiLine", false);
        var format = multiLine ? "auto" : "newline_delimited";
        var read = $"read_json({fileList}, format={Sql.Str(format)}, hive_partitioning={Sql.Bool(hive)}, union_by_name=true, sample_size=-1)";
        var columns = context.Session.Database.Describe("SELECT * FROM " + read, context.Statement.Span);
        var ordered = columns.Select(c => c.Name).Order(StringComparer.Ordinal);
        return $"SELECT {Sql.IdentList(ordered)} FROM {read}";
    }

    public SaveSummary Save(SaveContext context) => DuckDbFileWriter.Write(context, "json", "FORMAT json");
}
