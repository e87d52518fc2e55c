using ByzerSharp.DataSources;
using ByzerSharp.Planning;
using ByzerSharp.Plugins;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Text;

namespace ByzerSharp.Execution.Executors;

/// <summary>Runs <see cref="PlanTrain"/> (train, run and predict) and built-in commands, which are ET calls too.</summary>
internal static class TrainExecutor
{
    public static TableEntry? Execute(ByzerSession session, PlanTrain step)
    {
        var train = step.Train;
        var et = session.FindEt(train.Module.Text)!;
        var input = session.Catalog.Get(session.Render(train.InputTable), train.InputTable.Span);
        var path = ResolvePath(session, et, session.Render(train.Path), train.Path.Span);
        var options = session.RenderOptions(train.Options, train.Span);
        var output = train.OutputTable is { } o ? session.Render(o) : Guid.NewGuid().ToString("N");
        var context = new EtContext(session, train, train.Kind, input, path, options, output);
        EtOptionCheck.Check(et, context);
        return Call(et, context);
    }

    public static TableEntry? Call(EtPlugin et, EtContext context) => context.Kind switch
    {
        TrainKind.Train => et.Train(context),
        TrainKind.Run => et.Run(context),
        _ => et.Predict(context),
    };

    public static string ResolvePath(ByzerSession session, EtPlugin et, string path, SourceSpan span) =>
        et.UsesPathPrefix && path.Length > 0 ? session.Paths.Resolve(path, span) : path;
}
