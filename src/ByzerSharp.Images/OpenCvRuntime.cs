using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.Images;

/// <summary>
/// Loads OpenCV's native library once, silences OpenCV's own logging, and turns a load failure into
/// a user error (<see cref="OpenCvLoadFailure"/>) instead of a TypeInitializationException on the first decode.
/// </summary>
internal static class OpenCvRuntime
{
    private static readonly Lazy<Exception?> Failure = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Throws a ByzerException located at <paramref name="span"/> when OpenCV cannot run here.</summary>
    public static void EnsureLoaded(SourceSpan? span)
    {
        if (Failure.Value is { } failure)
        {
            throw OpenCvLoadFailure.Describe(failure, span);
        }
    }

    private static Exception? Probe()
    {
        try
        {
            _ = OpenCvSharp.Cv2.GetVersionString();
            // OpenCV writes "[ WARN:0@…]" / "[ERROR:0@…]" lines to stderr for every file it cannot
            // decode or encode; ByzerSharp reports those itself (invalid rows, located save errors).
            OpenCvSharp.Cv2.SetLogLevel(OpenCvSharp.LogLevel.SILENT);
            return null;
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
        {
            return e;
        }
    }
}
