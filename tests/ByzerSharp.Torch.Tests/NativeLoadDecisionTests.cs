using ByzerSharp.Torch.Elf;

namespace ByzerSharp.Torch.Tests;

public sealed class NativeLoadDecisionTests
{
    private static ElfImage Library(bool initRelocated = false)
    {
        var elf = new SyntheticElf();
        elf.Needs.Add(("libstdc++.so.6", [("GLIBCXX_3.4", 0), ("GLIBCXX_3.4.30", 0), ("GLIBCXX_3.4.32", 0)]));
        elf.Symbols.Add(("_ZNSt6thread4joinEv", "GLIBCXX_3.4.30"));
        elf.Symbols.Add(("_ZSt21ios_base_library_initv", "GLIBCXX_3.4.32"));
        elf.Relocated.Add("_ZNSt6thread4joinEv");
        if (initRelocated)
            elf.Relocated.Add("_ZSt21ios_base_library_initv");
        return ElfImage.Parse(elf.Build());
    }

    private static HashSet<string> Versions(params string[] names) => [.. names];

    [Fact]
    public void Loads_as_shipped_when_the_system_libstdcxx_is_new_enough()
    {
        var decision = NativeLoadDecision.Decide(Library(), Versions("GLIBCXX_3.4", "GLIBCXX_3.4.30", "GLIBCXX_3.4.31", "GLIBCXX_3.4.32"));

        Assert.True(decision.LoadsAsShipped);
        Assert.Null(decision.Patch);
        Assert.Null(decision.Failure);
    }

    [Fact]
    public void Patches_when_only_GLIBCXX_3_4_32_is_missing()
    {
        var decision = NativeLoadDecision.Decide(Library(), Versions("GLIBCXX_3.4", "GLIBCXX_3.4.30"));

        Assert.False(decision.LoadsAsShipped);
        Assert.Equal(["GLIBCXX_3.4.32"], decision.Missing);
        Assert.True(decision.Patch?.CanPatch);
    }

    [Fact]
    public void Gives_up_when_an_older_version_is_missing_too()
    {
        var decision = NativeLoadDecision.Decide(Library(), Versions("GLIBCXX_3.4"));

        Assert.Null(decision.Patch);
        Assert.Contains("GLIBCXX_3.4.30, GLIBCXX_3.4.32", decision.Failure);
        Assert.Contains("newer libstdc++", decision.Failure);
    }

    [Fact]
    public void Gives_up_when_the_waivable_version_is_really_used()
    {
        var decision = NativeLoadDecision.Decide(Library(initRelocated: true), Versions("GLIBCXX_3.4", "GLIBCXX_3.4.30"));

        Assert.Null(decision.Patch);
        Assert.Contains("cannot be waived safely", decision.Failure);
    }

    [SkippableFact]
    public void The_real_library_is_a_no_op_on_a_new_libstdcxx_and_patchable_on_debian_12()
    {
        var path = LibTorchSharpLocator.Find();
        Skip.If(path is null, "libLibTorchSharp.so is not in the output (not Linux x64)");
        var image = ElfImage.Load(path);
        var needed = image.VersionNeeds.Where(n => n.File == "libstdc++.so.6").Select(n => n.Name).ToArray();

        Assert.True(NativeLoadDecision.Decide(image, Versions(needed)).LoadsAsShipped);
        var debian12 = NativeLoadDecision.Decide(image, Versions(needed.Where(n => n != "GLIBCXX_3.4.32").ToArray()));
        Assert.True(debian12.Patch?.CanPatch, debian12.Failure);
    }
}
