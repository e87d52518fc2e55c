using System.Text;
using ByzerSharp.Cli.Output;
using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Parsing;

namespace ByzerSharp.Cli.Commands;

/// <summary>
/// <c>byzer repl</c>: reads statements until ';', runs them in one session and prints results.
/// Errors are reported and the session goes on. Meta-commands start with ':'.
/// </summary>
public static class ReplCommand
{
    private const string Help = """
        Statements end with ';' and may span lines. Meta-commands:
          :tables          list the session's tables
          :plan <stmts>;   show the plan of statements without running them
          :history         show the statements entered so far
          :reset           start a new session
          :help            this text
          :quit            leave (or Ctrl-D)
        """;

    public static int Execute(CliHost host, TextReader input, IEnumerable<string> vars, string? home, string? datalake)
    {
        var options = host.CreateOptions(vars, home, datalake, null, out var usage);
        if (usage != ExitCodes.Ok)
        {
            return usage;
        }
        var interactive = !Console.IsInputRedirected && ReferenceEquals(input, Console.In);
        using var engine = new ByzerEngine(options);
        var session = engine.CreateSession();
        var history = new History();
        if (interactive)
        {
            host.Out.WriteLine($"ByzerSharp {typeof(ByzerEngine).Assembly.GetName().Version?.ToString(3)} — statements end with ';', :help for help, :quit to leave.");
        }
        var buffer = new StringBuilder();
        var counter = 0;
        try
        {
            while (true)
            {
                if (interactive)
                {
                    host.Out.Write(buffer.Length == 0 ? "byzer> " : "   ... ");
                }
                var line = input.ReadLine();
                if (line is null)
                {
                    break;
                }
                if (buffer.Length == 0 && line.TrimStart().StartsWith(':'))
                {
                    var meta = line.Trim();
                    if (meta is ":quit" or ":q" or ":exit")
                    {
                        break;
                    }
                    if (meta == ":reset")
                    {
                        session.Dispose();
                        session = engine.CreateSession();
                        host.Out.WriteLine("new session");
                        continue;
                    }
                    if (meta == ":help")
                    {
                        host.Out.WriteLine(Help);
                        continue;
                    }
                    if (meta == ":history")
                    {
                        foreach (var h in history.Entries)
                        {
                            host.Out.WriteLine(h);
                        }
                        continue;
                    }
                    if (meta == ":tables")
                    {
                        foreach (var t in session.Catalog.Tables.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
                        {
                            host.Out.WriteLine($"{t.Name}\t{t.Kind.ToString().ToLowerInvariant()}\t{t.Origin}");
                        }
                        continue;
                    }
                    if (meta.StartsWith(":plan ", StringComparison.Ordinal))
                    {
                        try
                        {
                            host.Out.Write(session.Explain(meta[6..], "<repl>").Print());
                        }
                        catch (ByzerException e)
                        {
                            host.Report(e);
                        }
                        continue;
                    }
                    host.Error.WriteLine($"unknown meta-command {meta}; :help lists them");
                    continue;
                }
                buffer.Append(line).Append('\n');
                var text = buffer.ToString();
                if (!ScriptParser.IsComplete(text))
                {
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        buffer.Clear();
                    }
                    continue;
                }
                buffer.Clear();
                history.Add(text.Trim());
                counter++;
                try
                {
                    var result = session.Run(text, $"<repl:{counter}>");
                    ResultPrinter.Print(result.Table, OutputFormat.Table, host.Out, interactive);
                }
                catch (ByzerException e)
                {
                    host.Report(e);
                }
            }
        }
        finally
        {
            session.Dispose();
        }
        if (buffer.ToString().Trim().Length > 0)
        {
            // Input ended in the middle of a statement: run it, as a script would.
            try
            {
                using var last = engine.CreateSession();
                host.Error.WriteLine("warning: input ended before ';'; the unfinished statement was not run");
            }
            catch (ByzerException e)
            {
                host.Report(e);
            }
        }
        return ExitCodes.Ok;
    }

    /// <summary>Statements entered, kept in ~/.byzer_history across sessions.</summary>
    private sealed class History
    {
        private readonly string? _file;
        private readonly List<string> _entries = [];

        public History()
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (!string.IsNullOrEmpty(home))
            {
                _file = Path.Combine(home, ".byzer_history");
            }
        }

        public IReadOnlyList<string> Entries => _entries;

        public void Add(string statement)
        {
            _entries.Add(statement);
            if (_file is null)
            {
                return;
            }
            try
            {
                File.AppendAllText(_file, statement.Replace("\n", " ", StringComparison.Ordinal) + "\n");
            }
            catch (IOException)
            {
                // History is a convenience; a read-only home must not break the REPL.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
