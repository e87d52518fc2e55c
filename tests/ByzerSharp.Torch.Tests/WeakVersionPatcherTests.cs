using ByzerSharp.Torch.Elf;

namespace ByzerSharp.Torch.Tests;

public sealed class WeakVersionPatcherTests
{
    private const string StdCxx = "libstdc++.so.6";
    private const string InitSymbol = "_ZSt21ios_base_library_initv";
    private static readonly IReadOnlySet<string> Allowed = new HashSet<string> { InitSymbol };

    private static SyntheticElf LibTorchSharpLike()
    {
        var elf = new SyntheticElf { SoName = "libLibTorchSharp.so" };
        elf.Needed.AddRange(["libtorch.so", StdCxx, "libc.so.6"]);
        elf.Needs.Add(("libc.so.6", [("GLIBC_2.2.5", 0)]));
        elf.Needs.Add((StdCxx, [("GLIBCXX_3.4.30", 0), ("GLIBCXX_3.4.32", 0), ("CXXABI_1.3.13", 0)]));
        elf.Symbols.Add(("malloc", "GLIBC_2.2.5"));
        elf.Symbols.Add(("_ZNSt6thread4joinEv", "GLIBCXX_3.4.30"));
        elf.Symbols.Add((InitSymbol, "GLIBCXX_3.4.32"));
        elf.Symbols.Add(("THSTensor_new", null));
        elf.Relocated.AddRange(["malloc", "_ZNSt6thread4joinEv"]);
        return elf;
    }

    [Fact]
    public void Parses_the_dynamic_tables_of_a_synthetic_object()
    {
        var image = ElfImage.Parse(LibTorchSharpLike().Build());

        Assert.Equal("libLibTorchSharp.so", image.SoName);
        Assert.Equal(["libtorch.so", StdCxx, "libc.so.6"], image.Needed);
        Assert.Equal(["GLIBC_2.2.5", "GLIBCXX_3.4.30", "GLIBCXX_3.4.32", "CXXABI_1.3.13"], image.VersionNeeds.Select(n => n.Name));
        Assert.Equal([2, 3, 4, 5], image.VersionNeeds.Select(n => (int)n.Index));
        var init = Assert.Single(image.DynamicSymbols, s => s.Name == InitSymbol);
        Assert.Equal(4, init.VersionIndex);
        Assert.True(init.IsUndefined);
        Assert.Equal([1, 2], image.RelocatedSymbolIndexes.Order());
    }

    [Fact]
    public void Flips_only_the_weak_bit_of_the_chosen_entry_and_leaves_the_input_alone()
    {
        var bytes = LibTorchSharpLike().Build();
        var original = (byte[])bytes.Clone();

        var plan = WeakVersionPatcher.Plan(ElfImage.Parse(bytes), StdCxx, "GLIBCXX_3.4.32", Allowed);
        Assert.True(plan.CanPatch, plan.RefusalReason);
        Assert.Equal([InitSymbol], plan.BoundSymbols);
        var patched = WeakVersionPatcher.Apply(bytes, plan);

        Assert.Equal(original, bytes);
        var changed = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] != patched[i]).ToList();
        Assert.Equal([(int)plan.Need!.FlagsOffset], changed);
        Assert.Equal(ElfVersionNeed.WeakFlag, patched[changed[0]]);
        var reparsed = ElfImage.Parse(patched);
        Assert.Equal(["GLIBCXX_3.4.32"], reparsed.VersionNeeds.Where(n => n.IsWeak).Select(n => n.Name));
    }

    [Fact]
    public void A_second_plan_on_the_patched_copy_sees_it_is_already_weak()
    {
        var bytes = LibTorchSharpLike().Build();
        var patched = WeakVersionPatcher.Apply(bytes, WeakVersionPatcher.Plan(ElfImage.Parse(bytes), StdCxx, "GLIBCXX_3.4.32", Allowed));

        var again = WeakVersionPatcher.Plan(ElfImage.Parse(patched), StdCxx, "GLIBCXX_3.4.32", Allowed);

        Assert.True(again.IsAlreadyWeak);
        Assert.False(again.CanPatch);
    }

    [Fact]
    public void Refuses_when_the_symbol_bound_to_the_version_is_relocated()
    {
        var elf = LibTorchSharpLike();
        elf.Relocated.Add(InitSymbol);

        var plan = WeakVersionPatcher.Plan(ElfImage.Parse(elf.Build()), StdCxx, "GLIBCXX_3.4.32", Allowed);

        Assert.False(plan.CanPatch);
        Assert.Contains("is relocated", plan.RefusalReason);
        Assert.Throws<InvalidOperationException>(() => WeakVersionPatcher.Apply(elf.Build(), plan));
    }

    [Fact]
    public void Refuses_when_another_symbol_is_bound_to_the_version()
    {
        var elf = LibTorchSharpLike();
        elf.Symbols.Add(("_ZNSt7__cxx1112basic_stringIcE8_M_errorEv", "GLIBCXX_3.4.32"));

        var plan = WeakVersionPatcher.Plan(ElfImage.Parse(elf.Build()), StdCxx, "GLIBCXX_3.4.32", Allowed);

        Assert.False(plan.CanPatch);
        Assert.Contains("_ZNSt7__cxx1112basic_stringIcE8_M_errorEv", plan.RefusalReason);
    }

    [Fact]
    public void Refuses_when_the_version_is_not_needed_or_needed_from_another_file()
    {
        var image = ElfImage.Parse(LibTorchSharpLike().Build());

        Assert.False(WeakVersionPatcher.Plan(image, StdCxx, "GLIBCXX_3.4.33", Allowed).CanPatch);
        Assert.False(WeakVersionPatcher.Plan(image, "libc.so.6", "GLIBCXX_3.4.32", Allowed).CanPatch);
    }

    [Fact]
    public void Rejects_files_that_are_not_well_formed_elf64()
    {
        var good = LibTorchSharpLike().Build();

        Assert.Throws<ElfFormatException>(() => ElfImage.Parse("not an elf file at all, just some text padding it to 64 bytes....."u8.ToArray()));
        Assert.Throws<ElfFormatException>(() => ElfImage.Parse(good[..(good.Length / 2)]));
        var elf32 = (byte[])good.Clone();
        elf32[4] = 1;
        Assert.Throws<ElfFormatException>(() => ElfImage.Parse(elf32));
        var badOffset = (byte[])good.Clone();
        // Point .gnu.version_r (section 4) far past the end of the file.
        BitConverter.TryWriteBytes(badOffset.AsSpan(SyntheticElf.SectionHeaderOffset(good, 4) + 0x18), 1L << 30);
        Assert.Throws<ElfFormatException>(() => ElfImage.Parse(badOffset));
    }
}
