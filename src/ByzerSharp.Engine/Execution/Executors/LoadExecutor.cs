using ByzerSharp.Diagnostics;
using ByzerSharp.DataSources;
using ByzerSharp.Planning;
using ByzerSharp.Session;

namespace ByzerSharp.Execution.Executors;

/// <summary>Runs <see cref="PlanLoad"/>: substitutes, merges connect options, hands over to the data source.</summary>
internal static class LoadExecutor
{
    public static TableEntry Execute(ByzerSession session, PlanLoad step)
    {
        var load = step.Load;
        var source = session.FindDataSource(load.Format.Text)!;
        if (!source.CanLoad)
        {
            throw ByzerException.Semantic($"load is not supported in {source.Name}", load.Format.Span, "this format can only be saved");
        }
        var rawPath = session.Render(load.Path);
        var options = ConnectOptions.Merge(session, load.Format.Text, rawPath, session.RenderOptions(load.Options, load.Span), load.Span);
        var tableName = session.Render(load.TableName);
        var context = new LoadContext(session, load, rawPath, options, tableName);
        return source.Load(context);
    }
}
