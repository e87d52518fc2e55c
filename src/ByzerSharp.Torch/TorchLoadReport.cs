namespace ByzerSharp.Torch;

/// <summary>How <see cref="TorchRuntime.EnsureLoaded"/> got TorchSharp's native library into the process.</summary>
public enum TorchLoadMode
{
    /// <summary>The shipped libLibTorchSharp.so loads as is (the system libstdc++ is new enough, or not Linux x64).</summary>
    AsShipped,

    /// <summary>A copy with the GLIBCXX_3.4.32 need marked weak was written to a cache folder and loaded from there.</summary>
    PatchedCopy,
}

public sealed record TorchLoadReport(TorchLoadMode Mode, string? LibraryPath, string Detail);
