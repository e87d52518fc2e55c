using ByzerSharp.Cli.Output;
using ByzerSharp.Diagnostics;

namespace ByzerSharp.Cli;

/// <summary>
/// What every command shares: the console streams (replaceable so tests run the CLI in-process),
/// whether each stream is a terminal, engine options from flags, and error reporting.
/// </summary>
public sealed class CliHost(TextReader stdin, TextWriter stdout, TextWriter stderr)
{
    public TextReader In { get; } = stdin;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>A terminal gets prompts (REPL); redirected input is read silently.</summary>
    public bool InputIsTerminal { get; init; }

    /// <summary>A terminal gets Spectre tables; redirected output gets Spark's show() text.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Progress lines are drawn only on a terminal, so logs and pipes stay clean.</summary>
    public bool ErrorIsTerminal { get; init; }

    public bool Verbose { get; set; }

    /// <summary>Environment lookup (BYZER_HISTORY); tests replace it instead of mutating the process environment.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public static CliHost FromConsole() => new(Console.In, Console.Out, Console.Error)
    {
        InputIsTerminal = !Console.IsInputRedirected,
        OutputIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
    };

    public ByzerOptions CreateOptions(IEnumerable<string> vars, string? home, string? datalake, int? limit, out int usageError)
    {
        usageError = ExitCodes.Ok;
        var options = new ByzerOptions
        {
            Progress = new ConsoleProgressSink(ErrorIsTerminal ? Error : null),
            OnWarning = d => Error.Write(d.Render()),
            // !println and other log output go to stderr so stdout holds only the result.
            Log = Error,
        };
        foreach (var v in vars)
        {
            var eq = v.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                Error.WriteLine($"byzer: error: --var expects key=value, got '{v}'");
                usageError = ExitCodes.Usage;
                return options;
            }
            options.Variables[v[..eq]] = v[(eq + 1)..];
        }
        if (home is not null)
        {
            options.Home = home;
        }
        if (datalake is not null)
        {
            options.Settings["streaming.datalake.path"] = Path.GetFullPath(datalake);
        }
        if (limit is { } l)
        {
            if (l < 0)
            {
                Error.WriteLine($"byzer: error: --limit must be 0 (all rows) or more, got {l}");
                usageError = ExitCodes.Usage;
                return options;
            }
            options.ResultLimit = l;
        }
        foreach (var extension in Extensions.All())
        {
            options.Use(extension);
        }
        return options;
    }

    /// <summary>Prints an error the way compilers do and returns the exit code for it.</summary>
    public int Report(ByzerException e)
    {
        Error.Write(e.Render());
        if (Verbose && e.InnerException is { } inner)
        {
            Error.WriteLine(inner.ToString());
        }
        return e.Kind == ErrorKind.Runtime ? ExitCodes.RuntimeError : ExitCodes.ScriptError;
    }

    /// <summary>
    /// Anything other than a <see cref="ByzerException"/> is a bug in ByzerSharp; it still ends
    /// with a message and exit code 70 rather than a stack trace (which --verbose shows).
    /// </summary>
    public int ReportInternal(Exception e)
    {
        Error.WriteLine($"byzer: internal error: {e.GetType().Name}: {e.Message}");
        Error.WriteLine(Verbose ? e.ToString() : "  help: this is a bug in ByzerSharp; run again with --verbose for details and report it");
        return ExitCodes.RuntimeError;
    }
}
