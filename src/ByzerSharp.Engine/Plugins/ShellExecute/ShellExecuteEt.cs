using System.ComponentModel;
using System.Diagnostics;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.Plugins.ShellExecute;

/// <summary>
/// <c>!sh prog a b</c> (Byzer's mlsql-shell plugin): runs the process without a shell and returns
/// column <c>content</c>, one row per output line, stderr lines first, then stdout.
/// </summary>
public sealed class ShellExecuteEt : EtPlugin
{
    public override string Name => "ShellExecute";

    public override string Description => "Runs a program with an argument list (no shell); !sh script \"text\" runs the text with /bin/sh -c.";

    public override IReadOnlyList<EtOption> Options =>
    [
        new("parameters", "JSON array: the program and its arguments, or [\"script\", \"<shell text>\"]", Required: true),
    ];

    public override TableEntry? Run(EtContext context)
    {
        var options = ShellExecuteOptions.Parse(context.Args, i => context.ArgSpan(i));
        var start = new ProcessStartInfo(options.Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in options.Arguments)
        {
            start.ArgumentList.Add(a);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("the process did not start");
        }
        catch (Win32Exception e)
        {
            throw ByzerException.Runtime(
                // The OS reason alone ("No such file or directory"); e.Message adds the working directory and .NET wording.
                $"cannot run '{options.Program}': {new Win32Exception(e.NativeErrorCode).Message}",
                context.ArgSpan(0),
                "the program must be on PATH; !sh runs it without a shell, use !sh script \"…\" for pipes, globs and builtins");
        }
        using (process)
        {
            // Nothing is fed to the program: a closed stdin keeps programs that read it from waiting forever.
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            var error = stderr.GetAwaiter().GetResult();
            var output = stdout.GetAwaiter().GetResult();
            if (process.ExitCode != 0)
            {
                throw ByzerException.Runtime(
                    $"{options} exited with code {process.ExitCode}" + (error.Trim().Length > 0 ? ": " + error.Trim() : ""),
                    context.Span,
                    "the command's own error output is quoted above");
            }
            var lines = Lines(error).Concat(Lines(output)).Select(l => (IReadOnlyList<object?>)[l]);
            return context.DefineRows([new RowColumn("content")], lines);
        }
    }

    public override TableEntry? Train(EtContext context) => Run(context);

    private static IEnumerable<string> Lines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }
}
