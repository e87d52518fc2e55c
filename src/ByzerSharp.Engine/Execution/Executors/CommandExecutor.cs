using ByzerSharp.DataSources;
using ByzerSharp.Planning;
using ByzerSharp.Plugins;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;

namespace ByzerSharp.Execution.Executors;

/// <summary>
/// Runs a built-in <see cref="PlanCommand"/>: the ET behind the command gets the arguments
/// (as Byzer's parameters option) and the one-row <c>command</c> table as input. A trailing
/// <c>named t</c> names the result, which is remembered for <c>!lastCommand</c>.
/// </summary>
internal static class CommandExecutor
{
    public static TableEntry? Execute(ByzerSession session, PlanCommand step)
    {
        var command = step.Command;
        var et = session.FindEt(step.Target.Target)!;
        var args = MacroExpander.Arguments(session, command).ToList();
        var output = Guid.NewGuid().ToString("N");
        if (args.Count >= 2 && args[^2] == "named")
        {
            output = args[^1];
            args.RemoveRange(args.Count - 2, 2);
        }
        var parameters = System.Text.Json.JsonSerializer.Serialize(args);
        var options = new OptionValues(new Dictionary<string, string> { ["parameters"] = parameters }, command.Span);
        var input = session.Catalog.Get("command", command.Span);
        var context = new EtContext(session, command, TrainKind.Run, input, "", options, output, args);
        var result = TrainExecutor.Call(et, context);
        if (result is not null)
        {
            session.LastCommandTable = result;
        }
        return result;
    }
}
