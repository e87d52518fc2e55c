using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.DataSources.Variables;

/// <summary>script: the variable's value as one row in column content (input of register ScriptUDF).</summary>
public sealed class ScriptDataSource : IDataSource
{
    public string Name => "script";

    public string Executor => "duckdb";

    public bool CanLoad => true;

    public bool CanSave => false;

    public TableEntry Load(LoadContext context) =>
        context.Define($"SELECT {Sql.Str(VariableText.Value(context))} AS content", TableKind.Table, "load script");

    // CanSave is false, so SaveExecutor reports "save is not supported in script" before calling this.
    public SaveSummary Save(SaveContext context) => throw new InvalidOperationException("script cannot be saved");
}
