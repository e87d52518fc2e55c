using System.Runtime.InteropServices;
using ByzerSharp.Torch.Elf;

namespace ByzerSharp.Torch;

/// <summary>
/// Finds the libstdc++.so.6 that the dynamic loader hands out in this process and the versions it defines.
/// Asking the loader itself (dlopen by soname, then reading the mapped path from /proc/self/maps) gives the
/// same file that libLibTorchSharp.so would bind to, whatever LD_LIBRARY_PATH or ld.so.cache say.
/// </summary>
internal static class SystemLibStdCxx
{
    public const string SoName = "libstdc++.so.6";

    public static (string Path, IReadOnlySet<string> Versions) Inspect()
    {
        if (!NativeLibrary.TryLoad(SoName, out _))
            throw new TorchRuntimeException($"the C++ runtime {SoName} cannot be loaded; install it (Debian/Ubuntu: apt-get install libstdc++6)");
        var path = ProcessMaps.FindLibrary(SoName)
            ?? throw new TorchRuntimeException($"{SoName} is loaded but its file does not appear in /proc/self/maps");
        return (path, ElfImage.Load(path).VersionDefinitions);
    }
}
