using System.CommandLine;
using ByzerSharp.Cli.Commands;
using ByzerSharp.Cli.Output;
using ByzerSharp.Diagnostics;

namespace ByzerSharp.Cli;

/// <summary>
/// The command tree (run, explain, repl) and its invocation. Program.cs binds it to the console;
/// tests call <see cref="Run"/> with string writers.
/// </summary>
public static class CliApp
{
    public static int Run(string[] args, CliHost host)
    {
        var root = BuildRoot(host);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                host.Error.WriteLine("byzer: error: " + error.Message);
            }
            host.Error.WriteLine("Run 'byzer --help' for usage.");
            return ExitCodes.Usage;
        }
        // The default handler would print a stack trace; ours reports a bug in one line (exit 70).
        var config = new InvocationConfiguration { Output = host.Out, Error = host.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return parsed.Invoke(config);
        }
        catch (ByzerException e)
        {
            return host.Report(e);
        }
        catch (Exception e)
        {
            return host.ReportInternal(e);
        }
    }

    private static RootCommand BuildRoot(CliHost host)
    {
        var root = new RootCommand("ByzerSharp: run Byzer-lang scripts on an embedded engine.")
        {
            RunCommandDefinition(host),
            ExplainCommandDefinition(host),
            ReplCommandDefinition(host),
        };
        // System.CommandLine prints the entry assembly's informational version, which carries the
        // commit hash (0.1.0+cfece5e…) and, in-process, is the host's version, not ours.
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new VersionAction();
        }
        return root;
    }

    private static Command RunCommandDefinition(CliHost host)
    {
        var file = new Argument<string>("file") { Description = "The Byzer script to run (.byzer)" };
        var vars = VarOption();
        var format = new Option<OutputFormat>("--format") { Description = "How to print the last table: table, csv or json", DefaultValueFactory = _ => OutputFormat.Table };
        var home = HomeOption();
        var datalake = DatalakeOption();
        var limit = new Option<int?>("--limit") { Description = "Print at most this many rows (default 5000; 0 prints all)" };
        var verbose = new Option<bool>("--verbose") { Description = "Show internal details of unexpected errors" };
        var run = new Command("run", "Run a script and print its last table") { file, vars, format, home, datalake, limit, verbose };
        run.SetAction(r =>
        {
            host.Verbose = r.GetValue(verbose);
            return RunCommand.Execute(host, r.GetValue(file)!, r.GetValue(vars) ?? [], r.GetValue(format), r.GetValue(home), r.GetValue(datalake), r.GetValue(limit));
        });
        return run;
    }

    private static Command ExplainCommandDefinition(CliHost host)
    {
        var file = new Argument<string>("file") { Description = "The Byzer script to explain" };
        var vars = VarOption();
        var explain = new Command("explain", "Print the plan of a script without running it") { file, vars };
        explain.SetAction(r => ExplainCommand.Execute(host, r.GetValue(file)!, r.GetValue(vars) ?? []));
        return explain;
    }

    private static Command ReplCommandDefinition(CliHost host)
    {
        var vars = VarOption();
        var home = HomeOption();
        var datalake = DatalakeOption();
        var repl = new Command("repl", "Interactive session: statements end with ';'") { vars, home, datalake };
        repl.SetAction(r => ReplCommand.Execute(host, r.GetValue(vars) ?? [], r.GetValue(home), r.GetValue(datalake)));
        return repl;
    }

    private static Option<string[]> VarOption() =>
        new("--var") { Description = "Define a variable before the script runs: --var key=value (repeatable)", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };

    private static Option<string?> HomeOption() =>
        new("--home") { Description = "A home folder prefixed to every relative path (Byzer's defaultPathPrefix)" };

    private static Option<string?> DatalakeOption() =>
        new("--datalake") { Description = "The data lake root for delta.`db.table` names" };
}
