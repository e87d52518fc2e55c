using ByzerSharp.Diagnostics;

namespace ByzerSharp.Cli.Commands;

/// <summary><c>byzer explain FILE</c>: prints the plan (after includes and macros) without running it.</summary>
public static class ExplainCommand
{
    public static int Execute(CliHost host, string file, IEnumerable<string> vars)
    {
        if (!RunCommand.TryRead(host, file, out var text))
        {
            return ExitCodes.Usage;
        }
        var options = host.CreateOptions(vars, null, null, null, out var usage);
        if (usage != ExitCodes.Ok)
        {
            return usage;
        }
        using var engine = new ByzerEngine(options);
        using var session = engine.CreateSession();
        try
        {
            host.Out.Write(session.Explain(text, file).Print());
            return ExitCodes.Ok;
        }
        catch (ByzerException e)
        {
            return host.Report(e);
        }
    }
}
