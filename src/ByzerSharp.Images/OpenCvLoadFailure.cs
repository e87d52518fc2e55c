using System.Text.RegularExpressions;
using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.Images;

/// <summary>
/// The user error for OpenCV's native library failing to load. .NET's DllNotFoundException lists
/// the dynamic loader's (dlerror) text for every path it tried; most lines only say a candidate path
/// does not exist. The line that differs is the reason: a missing dependency (GTK 3 on minimal
/// Debian/Ubuntu, as the runtime package keeps highgui), or a dependency that exists but cannot be
/// used (too short, wrong architecture, missing symbol version).
/// </summary>
internal static partial class OpenCvLoadFailure
{
    public const string GtkInstallCommand = "sudo apt-get install -y libgtk-3-0";

    private const string Library = "OpenCvSharpExtern";

    public static ByzerException Describe(Exception failure, SourceSpan? span)
    {
        var (reason, hint) = Explain(failure);
        return ByzerException.Runtime($"OpenCV's native library cannot be loaded: {reason}", span, hint, failure);
    }

    /// <summary>The loader's reason and the help that fits it.</summary>
    internal static (string Reason, string Hint) Explain(Exception failure)
    {
        var inner = failure;
        while (inner is TypeInitializationException { InnerException: { } next })
        {
            inner = next;
        }
        var lines = inner.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var reasons = lines
            .Where(l => !l.StartsWith("Unable to load shared library", StringComparison.Ordinal) && !IsAbsentCandidate(l))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (inner is not DllNotFoundException)
        {
            return ($"{inner.GetType().Name}: {string.Join("; ", lines)}", "reinstall ByzerSharp for this machine's architecture (OpenCV's library is linux-x64)");
        }
        if (reasons.Count == 0)
        {
            return ($"{Library} was not found next to the program", "the OpenCvSharp4.official.runtime.linux-x64 package's runtimes/linux-x64/native folder is missing; reinstall ByzerSharp");
        }
        var reason = string.Join("; ", reasons);
        if (reasons.Select(MissingDependency).FirstOrDefault(m => m is not null) is { } missing)
        {
            return missing.StartsWith("libgtk-3", StringComparison.Ordinal) || missing.StartsWith("libgdk-3", StringComparison.Ordinal)
                ? (reason, $"install GTK 3, which OpenCV's library links: {GtkInstallCommand} (scripts/setup.sh does this)")
                : (reason, $"install the package that provides {missing}, which OpenCV's library links (on Debian/Ubuntu: apt-file search {missing})");
        }
        return (reason, "a library OpenCV's library links exists but cannot be used; fix or remove the file named (check LD_LIBRARY_PATH)");
    }

    /// <summary>"…/OpenCvSharpExtern.so: cannot open shared object file: No such file or directory": a path the loader tried, not a reason.</summary>
    private static bool IsAbsentCandidate(string line) =>
        line.Contains(Library, StringComparison.Ordinal) && line.EndsWith("cannot open shared object file: No such file or directory", StringComparison.Ordinal);

    /// <summary>The file name of a dependency the loader could not find, or null.</summary>
    private static string? MissingDependency(string line) =>
        MissingPattern().Match(line) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^(?:.*/)?([^/:]+): cannot open shared object file: No such file or directory$")]
    private static partial Regex MissingPattern();
}
