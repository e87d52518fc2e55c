using ByzerSharp.Cli.Output;
using ByzerSharp.Diagnostics;

namespace ByzerSharp.Cli.Commands;

/// <summary><c>byzer run FILE</c>: runs a script and prints its last table.</summary>
public static class RunCommand
{
    public static int Execute(CliHost host, string file, IEnumerable<string> vars, OutputFormat format, string? home, string? datalake, int? limit)
    {
        if (!TryRead(host, file, out var text))
        {
            return ExitCodes.Usage;
        }
        var options = host.CreateOptions(vars, home, datalake, limit, out var usage);
        if (usage != ExitCodes.Ok)
        {
            return usage;
        }
        using var engine = new ByzerEngine(options);
        using var session = engine.CreateSession();
        try
        {
            var result = session.Run(text, file);
            ResultPrinter.Print(result.Table, format, host.Out, terminal: host.OutputIsTerminal);
            return ExitCodes.Ok;
        }
        catch (ByzerException e)
        {
            return host.Report(e);
        }
    }

    public static bool TryRead(CliHost host, string file, out string text)
    {
        text = "";
        try
        {
            text = File.ReadAllText(file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            host.Error.WriteLine($"byzer: error: cannot read {file}: {e.Message}");
            host.Error.WriteLine("  help: give the path of an existing .byzer script");
            return false;
        }
    }
}
