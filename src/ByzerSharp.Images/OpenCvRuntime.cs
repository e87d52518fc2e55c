using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.Images;

/// <summary>
/// Loads OpenCV's native library once and turns a failure into a user error. The library links
/// GTK 3 (the full OpenCvSharp runtime keeps highgui), which minimal Debian/Ubuntu images lack:
/// the loader's failure would otherwise surface as a TypeInitializationException on the first decode.
/// </summary>
internal static class OpenCvRuntime
{
    public const string InstallCommand = "sudo apt-get install -y libgtk-3-0";

    private static readonly Lazy<string?> Failure = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Throws a ByzerException located at <paramref name="span"/> when OpenCV cannot run here.</summary>
    public static void EnsureLoaded(SourceSpan? span)
    {
        if (Failure.Value is { } reason)
        {
            throw Unavailable(reason, span);
        }
    }

    internal static ByzerException Unavailable(string reason, SourceSpan? span) =>
        ByzerException.Runtime($"OpenCV's native library cannot be loaded: {reason}", span,
            $"install GTK 3, which OpenCV's library links: {InstallCommand} (scripts/setup.sh does this)");

    private static string? Probe()
    {
        try
        {
            _ = OpenCvSharp.Cv2.GetVersionString();
            return null;
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
        {
            return Reason(e);
        }
    }

    /// <summary>
    /// The one line of the loader's message that names the missing piece (the .NET message lists
    /// every path it tried): the line about a missing libgtk/libgdk if there is one.
    /// </summary>
    internal static string Reason(Exception e)
    {
        var inner = e;
        while (inner is TypeInitializationException { InnerException: { } next })
        {
            inner = next;
        }
        var lines = inner.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var missing = lines.FirstOrDefault(l => l.StartsWith("lib", StringComparison.Ordinal) && l.Contains("cannot open shared object file", StringComparison.Ordinal))
            ?? lines.FirstOrDefault(l => !l.Contains("OpenCvSharpExtern", StringComparison.Ordinal) && l.Contains("cannot open shared object file", StringComparison.Ordinal));
        return missing ?? (lines.Length > 0 ? lines[0] : inner.GetType().Name);
    }
}
