using System.ComponentModel;
using System.Diagnostics;
using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.Execution.Executors;

/// <summary>Runs the value of <c>set k=`…` where type="shell"</c> with /bin/sh -c and returns its trimmed stdout.</summary>
internal static class ShellRunner
{
    private const string Hint = "the value of a type=\"shell\" set runs with /bin/sh -c; its standard output becomes the value";

    public static string Run(string command, SourceSpan span)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (Win32Exception e)
        {
            throw ByzerException.Runtime($"could not start /bin/sh: {e.Message}", span, Hint, e);
        }
        using (process)
        {
            if (process is null)
            {
                throw ByzerException.Runtime("could not start /bin/sh", span, Hint);
            }
            // Both streams are drained concurrently so that a chatty stderr cannot block the child.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var detail = stderr.Result.Trim();
                throw ByzerException.Runtime(
                    $"shell command exited with code {process.ExitCode}" + (detail.Length > 0 ? ": " + detail : ""),
                    span,
                    Hint);
            }
            return stdout.Result.Trim();
        }
    }
}
