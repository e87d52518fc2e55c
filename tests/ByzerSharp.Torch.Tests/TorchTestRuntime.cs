namespace ByzerSharp.Torch.Tests;

internal static class TorchTestRuntime
{
    /// <summary>A patched copy made during tests goes to the temp folder, not the user's cache.</summary>
    public static string CacheDirectory { get; } = Path.Combine(Path.GetTempPath(), "byzersharp-tests", "torch-native");

    /// <summary>Loads TorchSharp, or skips the calling test with the reason when its native library truly cannot load.</summary>
    public static TorchLoadReport Load()
    {
        try
        {
            return TorchRuntime.EnsureLoaded(CacheDirectory);
        }
        catch (TorchRuntimeException e)
        {
            throw new SkipException("TorchSharp's native library cannot load on this machine: " + e.Message);
        }
    }
}
