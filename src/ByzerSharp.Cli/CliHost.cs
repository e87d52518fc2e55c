using ByzerSharp.Cli.Output;
using ByzerSharp.Diagnostics;

namespace ByzerSharp.Cli;

/// <summary>What every command shares: the console streams, engine options from flags, error reporting.</summary>
public sealed class CliHost(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public bool Verbose { get; set; }

    public ByzerOptions CreateOptions(IEnumerable<string> vars, string? home, string? datalake, int? limit, out int usageError)
    {
        usageError = ExitCodes.Ok;
        var options = new ByzerOptions
        {
            Progress = new ConsoleProgressSink(!Console.IsErrorRedirected),
            OnWarning = d => Error.Write(d.Render()),
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
}
