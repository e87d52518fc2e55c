using ByzerSharp.DataSources.Json;
using ByzerSharp.Session;

namespace ByzerSharp.DataSources.Variables;

/// <summary>jsonStr: the path names a variable whose lines are JSON records (Spark's JSON inference).</summary>
public sealed class JsonStrDataSource : IDataSource
{
    public string Name => "jsonStr";

    public string Executor => "duckdb";

    public bool CanLoad => true;

    public bool CanSave => false;

    public TableEntry Load(LoadContext context)
    {
        var (file, lines) = VariableText.ToScratchFile(context, "json");
        var inference = new JsonSchemaInference();
        for (var i = 0; i < lines.Count; i++)
        {
            inference.AddLine(lines[i], $"line {i + 1} of {context.RawPath.Trim()}", context.PathSpan);
        }
        var sql = JsonDataSource.ReadSql(context.Session, [file], inference, multiLine: false, hive: false, context.PathSpan);
        return context.Define(sql, TableKind.Table, "load jsonStr");
    }

    // CanSave is false, so SaveExecutor reports "save is not supported in jsonStr" before calling this.
    public SaveSummary Save(SaveContext context) => throw new InvalidOperationException("jsonStr cannot be saved");
}
