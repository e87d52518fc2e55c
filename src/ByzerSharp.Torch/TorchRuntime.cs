using System.Runtime.InteropServices;
using ByzerSharp.Torch.Elf;
using TorchSharp;

namespace ByzerSharp.Torch;

/// <summary>
/// Makes TorchSharp's native library load on this machine. Call <see cref="EnsureLoaded"/> before the first use
/// of <c>torch</c>. Where the system libstdc++ provides every version libLibTorchSharp.so needs, this only asks
/// TorchSharp to initialise (a no-op beyond that). Where the one missing version is GLIBCXX_3.4.32 (Debian 12,
/// Ubuntu 22.04: libstdc++ 3.4.30), it writes a copy of the library with that need marked weak into a cache
/// folder and points TorchSharp's P/Invokes at it (see <see cref="WeakVersionPatcher"/> for why that is safe).
/// The shipped file (in bin/ or the NuGet cache) is never modified. It also asks OpenMP for passive waiting
/// unless the user chose a policy (<see cref="OpenMpEnvironment"/>).
/// </summary>
public static class TorchRuntime
{
    private const string TorchSharpLibraryName = "LibTorchSharp";
    private static readonly Lock Gate = new();
    private static TorchLoadReport? _report;
    private static IntPtr _patchedHandle;

    /// <summary>
    /// Loads the native backend once per process and reports how. <paramref name="cacheDirectory"/> (only used by the
    /// first call) is where a patched copy goes; default $BYZER_TORCH_CACHE, else $XDG_CACHE_HOME or ~/.cache, under
    /// byzersharp/torch-native.
    /// </summary>
    public static TorchLoadReport EnsureLoaded(string? cacheDirectory = null)
    {
        lock (Gate)
        {
            if (_report is not null)
                return _report;
            var openMp = OpenMpEnvironment.PreferPassiveWaiting();
            var prepared = Prepare(cacheDirectory);
            var report = prepared with { Detail = $"{prepared.Detail}; {openMp}" };
            try
            {
                torch.InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception e) when (e is NotSupportedException or DllNotFoundException or EntryPointNotFoundException)
            {
                throw new TorchRuntimeException($"TorchSharp's native backend did not initialise ({prepared.Detail}): {e.Message}", e);
            }
            return _report = report;
        }
    }

    private static TorchLoadReport Prepare(string? cacheDirectory)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return new TorchLoadReport(TorchLoadMode.AsShipped, null, "not Linux x64: TorchSharp loads its own runtime");
        var shipped = LibTorchSharpLocator.Find()
            ?? throw new TorchRuntimeException($"{LibTorchSharpLocator.FileName} was not found next to the application; reference the TorchSharp-cpu package from the project that runs");
        var bytes = File.ReadAllBytes(shipped);
        var image = ElfImage.Parse(bytes);
        var (stdcxxPath, defined) = SystemLibStdCxx.Inspect();
        var decision = NativeLoadDecision.Decide(image, defined);
        if (decision.LoadsAsShipped)
            return new TorchLoadReport(TorchLoadMode.AsShipped, shipped, $"{stdcxxPath} provides every version {LibTorchSharpLocator.FileName} needs");
        var plan = decision.Patch
            ?? throw new TorchRuntimeException($"{shipped} cannot load with {stdcxxPath}: {decision.Failure}");
        var patched = WeakVersionPatcher.Apply(bytes, plan);
        var copy = PatchedLibraryCache.Write(patched, cacheDirectory ?? DefaultCacheDirectory());
        var handle = LoadWithDependencies(copy, image, Path.GetDirectoryName(shipped)!);
        // An assembly takes one resolver per process: register it the first time only (a later call after a
        // failed initialisation reuses it). TorchSharp sets none of its own; ours answers only for
        // LibTorchSharp and lets the host probe everything else.
        if (_patchedHandle == IntPtr.Zero)
            NativeLibrary.SetDllImportResolver(typeof(torch).Assembly,
                (name, _, _) => name == TorchSharpLibraryName ? _patchedHandle : IntPtr.Zero);
        _patchedHandle = handle;
        return new TorchLoadReport(TorchLoadMode.PatchedCopy, copy,
            $"{stdcxxPath} lacks {NativeLoadDecision.WaivableVersion}; loaded a copy with that need marked weak (only {string.Join(", ", plan.BoundSymbols)} is bound to it, never relocated)");
    }

    /// <summary>
    /// The copy's RUNPATH ($ORIGIN) points at the cache folder, where libtorch is not. Loading its libtorch
    /// dependencies first, by full path from beside the shipped file, lets the loader satisfy the copy's
    /// DT_NEEDED entries by soname from the objects already in the process.
    /// </summary>
    private static IntPtr LoadWithDependencies(string copy, ElfImage image, string shippedDir)
    {
        foreach (var needed in image.Needed)
        {
            var sibling = LibTorchSharpLocator.FindSibling(shippedDir, needed);
            if (sibling is not null)
                NativeLibrary.Load(sibling);
        }
        try
        {
            return NativeLibrary.Load(copy);
        }
        catch (DllNotFoundException e)
        {
            throw new TorchRuntimeException($"the patched copy {copy} did not load: {e.Message}", e);
        }
    }

    private static string DefaultCacheDirectory()
    {
        var explicitDir = Environment.GetEnvironmentVariable("BYZER_TORCH_CACHE");
        if (!string.IsNullOrEmpty(explicitDir))
            return explicitDir;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var root = !string.IsNullOrEmpty(xdg) ? xdg
            : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".cache")
            : Path.GetTempPath();
        return Path.Combine(root, "byzersharp", "torch-native");
    }
}
