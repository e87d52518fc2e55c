using ByzerSharp.Diagnostics;
using ByzerSharp.DataSources;
using ByzerSharp.DuckDb;
using ByzerSharp.Planning;
using ByzerSharp.Session;

namespace ByzerSharp.Execution.Executors;

/// <summary>Runs <see cref="PlanSave"/>. Its result row says what was written.</summary>
internal static class SaveExecutor
{
    public static TableEntry Execute(ByzerSession session, PlanSave step)
    {
        var save = step.Save;
        var source = session.FindDataSource(save.Format.Text)!;
        if (!source.CanSave)
        {
            throw ByzerException.Semantic($"save is not supported in {source.Name}", save.Format.Span, "save to csv, json, parquet, text or another writable format");
        }
        var table = session.Catalog.Get(session.Render(save.TableName), save.TableName.Span);
        var rawPath = session.Render(save.Path);
        var options = ConnectOptions.Merge(session, save.Format.Text, rawPath, session.RenderOptions(save.Options, save.Span), save.Span);
        var context = new SaveContext(session, save, table, rawPath, options);
        var summary = source.Save(context);
        return session.DefineResult(
            $"SELECT {Sql.Str(summary.Path)} AS path, {Sql.Str(source.Name)} AS format, {Sql.Str(save.Mode.ToString())} AS mode, "
            + $"CAST({Sql.Int(summary.Rows)} AS BIGINT) AS numRows, CAST({Sql.Int(summary.Files)} AS INTEGER) AS numFiles",
            save.Span);
    }
}
