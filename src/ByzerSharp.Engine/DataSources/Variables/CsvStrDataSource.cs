using ByzerSharp.DataSources.Csv;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.DataSources.Variables;

/// <summary>csvStr: the path names a variable whose lines are CSV; the csv options apply.</summary>
public sealed class CsvStrDataSource : IDataSource
{
    public string Name => "csvStr";

    public string Executor => "duckdb";

    public bool CanLoad => true;

    public bool CanSave => false;

    public TableEntry Load(LoadContext context)
    {
        var (file, lines) = VariableText.ToScratchFile(context, "csv");
        if (lines.Count == 0)
        {
            throw Diagnostics.ByzerException.Runtime($"variable {context.RawPath.Trim()} holds no CSV lines", context.PathSpan, "set it to the CSV text, one record per line");
        }
        return context.Define(CsvDataSource.ReadSql(context, [file], hive: false), TableKind.Table, "load csvStr");
    }

    // CanSave is false, so SaveExecutor reports "save is not supported in csvStr" before calling this.
    public SaveSummary Save(SaveContext context) => throw new InvalidOperationException("csvStr cannot be saved");
}
