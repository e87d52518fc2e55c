using ByzerSharp.Planning;
using ByzerSharp.Session;

namespace ByzerSharp.Execution.Executors;

/// <summary>Runs <see cref="PlanConnect"/>: remembers the options for <c>format.`name.table`</c>.</summary>
internal static class ConnectExecutor
{
    public static void Execute(ByzerSession session, PlanConnect step)
    {
        var connect = step.Connect;
        var options = session.RenderOptions(connect.Options, connect.Span).ToDictionary();
        var name = connect.ConnectionName?.Text ?? connect.Format.Text;
        session.Connections[(connect.Format.Text, name)] = options;
    }
}
