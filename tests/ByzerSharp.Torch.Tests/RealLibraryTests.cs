using ByzerSharp.Torch.Elf;

namespace ByzerSharp.Torch.Tests;

/// <summary>The patcher and the libstdc++ probe on the real files of this machine and of the TorchSharp-cpu package.</summary>
public sealed class RealLibraryTests
{
    [SkippableFact]
    public void The_shipped_libLibTorchSharp_needs_GLIBCXX_3_4_32_only_for_an_unrelocated_ios_base_library_init()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "libLibTorchSharp.so is the Linux build");
        var path = LibTorchSharpLocator.Find();
        Assert.NotNull(path);
        var bytes = File.ReadAllBytes(path);

        var plan = WeakVersionPatcher.Plan(ElfImage.Parse(bytes), SystemLibStdCxx.SoName, NativeLoadDecision.WaivableVersion, NativeLoadDecision.WaivableSymbols);

        Assert.True(plan.CanPatch, plan.RefusalReason);
        Assert.Equal(["_ZSt21ios_base_library_initv"], plan.BoundSymbols);
        var patched = WeakVersionPatcher.Apply(bytes, plan);
        Assert.Single(Enumerable.Range(0, bytes.Length), i => bytes[i] != patched[i]);
        var weak = Assert.Single(ElfImage.Parse(patched).VersionNeeds, n => n.IsWeak);
        Assert.Equal(NativeLoadDecision.WaivableVersion, weak.Name);
    }

    [SkippableFact]
    public void Reads_the_versions_the_system_libstdcxx_defines()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "reads /proc/self/maps");

        var (path, versions) = SystemLibStdCxx.Inspect();

        Assert.StartsWith("libstdc++.so.6", Path.GetFileName(path));
        Assert.Contains("GLIBCXX_3.4", versions);
        Assert.Contains("CXXABI_1.3", versions);
        Assert.DoesNotContain("libstdc++.so.6", versions);
    }
}
