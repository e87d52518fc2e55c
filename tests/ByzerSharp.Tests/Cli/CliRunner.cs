using ByzerSharp.Cli;

namespace ByzerSharp.Tests.Cli;

/// <summary>Runs the byzer CLI in-process with string streams and a temp folder for scripts.</summary>
internal sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Directory = Path.Combine(Path.GetTempPath(), "byzer-cli-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public Dictionary<string, string?> Environment { get; } = new() { ["BYZER_HISTORY"] = "" };

    public string Script(string text, string name = "script.byzer")
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public CliResult Run(string stdin, bool terminal, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var host = new CliHost(new StringReader(stdin), output, error)
        {
            InputIsTerminal = terminal,
            OutputIsTerminal = terminal,
            ErrorIsTerminal = terminal,
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
        };
        var code = CliApp.Run(args, host);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public CliResult Run(params string[] args) => Run("", false, args);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error);
