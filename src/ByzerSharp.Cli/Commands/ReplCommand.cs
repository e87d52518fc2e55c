using System.Text;
using ByzerSharp.Cli.Output;
using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Parsing;

namespace ByzerSharp.Cli.Commands;

/// <summary>
/// <c>byzer repl</c>: reads statements until ';' (over as many lines as needed), runs them in one
/// session and prints each result table. Errors are reported and the session goes on.
/// Lines starting with ':' (outside a statement) are meta-commands.
/// </summary>
public static class ReplCommand
{
    private const string Help = """
        Statements end with ';' and may span lines. Meta-commands:
          :tables          list the session's tables
          :plan <stmts>    show the plan of statements without running them
          :history         show the statements entered (also those of earlier sessions)
          :reset           start a new session (tables and variables are dropped)
          :help            this text
          :quit            leave (or end of input, Ctrl-D)
        """;

    public static int Execute(CliHost host, IEnumerable<string> vars, string? home, string? datalake)
    {
        var options = host.CreateOptions(vars, home, datalake, null, out var usage);
        if (usage != ExitCodes.Ok)
        {
            return usage;
        }
        using var engine = new ByzerEngine(options);
        var repl = new Repl(host, engine, ReplHistory.Open(host.GetEnvironmentVariable));
        try
        {
            repl.Loop();
        }
        finally
        {
            repl.Dispose();
        }
        return ExitCodes.Ok;
    }

    private sealed class Repl(CliHost host, ByzerEngine engine, ReplHistory history) : IDisposable
    {
        private readonly StringBuilder _buffer = new();
        private ByzerSession _session = engine.CreateSession();
        private int _counter;

        public void Loop()
        {
            if (host.InputIsTerminal)
            {
                host.Out.WriteLine($"ByzerSharp {VersionAction.Version}: statements end with ';', :help for help, :quit to leave.");
            }
            while (true)
            {
                if (host.InputIsTerminal)
                {
                    host.Out.Write(_buffer.Length == 0 ? "byzer> " : "   ... ");
                    host.Out.Flush();
                }
                var line = host.In.ReadLine();
                if (line is null)
                {
                    break;
                }
                if (_buffer.Length == 0 && line.TrimStart().StartsWith(':'))
                {
                    if (!Meta(line.Trim()))
                    {
                        return;
                    }
                    continue;
                }
                _buffer.Append(line).Append('\n');
                var text = _buffer.ToString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    _buffer.Clear();
                }
                else if (ScriptParser.IsComplete(text))
                {
                    _buffer.Clear();
                    Run(text);
                }
            }
            // End of input inside a statement: run it, as a script's last statement needs no ';'.
            // If it is incomplete (an open quote), the syntax error says so.
            var rest = _buffer.ToString();
            _buffer.Clear();
            if (!string.IsNullOrWhiteSpace(rest))
            {
                Run(rest);
            }
        }

        /// <summary>Runs a meta-command; false means leave.</summary>
        private bool Meta(string meta)
        {
            var space = meta.IndexOf(' ', StringComparison.Ordinal);
            var name = space < 0 ? meta : meta[..space];
            var argument = space < 0 ? "" : meta[(space + 1)..].Trim();
            switch (name)
            {
                case ":quit" or ":q" or ":exit":
                    return false;
                case ":help":
                    host.Out.WriteLine(Help);
                    break;
                case ":reset":
                    _session.Dispose();
                    _session = engine.CreateSession();
                    host.Out.WriteLine("new session");
                    break;
                case ":history":
                    foreach (var entry in history.Entries)
                    {
                        host.Out.WriteLine(entry);
                    }
                    break;
                case ":tables":
                    Tables();
                    break;
                case ":plan" when argument.Length == 0:
                    host.Error.WriteLine("usage: :plan <statements>, e.g. :plan select 1 as a as t;");
                    break;
                case ":plan":
                    Guard(() => host.Out.Write(_session.Explain(argument, "<repl>", newRequest: false).Print()));
                    break;
                default:
                    var known = new[] { ":help", ":tables", ":plan", ":history", ":reset", ":quit" };
                    var guess = Suggest.Closest(name, known);
                    host.Error.WriteLine($"unknown meta-command {name}" + (guess is null ? "; :help lists them" : $"; did you mean {guess}?"));
                    break;
            }
            return true;
        }

        private void Tables()
        {
            var tables = _session.Catalog.Tables.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
            if (tables.Count == 0)
            {
                host.Out.WriteLine("(no tables yet)");
            }
            foreach (var t in tables)
            {
                host.Out.WriteLine($"{t.Name}\t{t.Kind.ToString().ToLowerInvariant()}\t{t.Origin}");
            }
        }

        private void Run(string text)
        {
            history.Add(text.Trim());
            _counter++;
            Guard(() =>
            {
                // One REPL session is one long script: variables set earlier stay visible.
                var result = _session.Continue(text, $"<repl:{_counter}>");
                ResultPrinter.Print(result.Table, OutputFormat.Table, host.Out, host.OutputIsTerminal);
            });
        }

        // Errors end the statement, never the session.
        private void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (ByzerException e)
            {
                host.Report(e);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                host.ReportInternal(e);
            }
        }

        public void Dispose() => _session.Dispose();
    }
}
