using System.Buffers.Binary;

namespace ByzerSharp.Torch.Elf;

/// <summary>
/// Marks one needed symbol version as weak (VER_FLG_WEAK in its Vernaux entry) when, and only when, doing so
/// cannot change what the program does.
/// <para>
/// Why this is safe: glibc's loader checks every Vernaux entry when it maps an object (dl-version.c,
/// match_symbol). A missing version whose entry carries VER_FLG_WEAK is not an error; the loader goes on.
/// The flag changes nothing else: symbol binding still uses the version of each symbol (.gnu.version), so a
/// symbol bound to the missing version would still fail to resolve. That is why the patch is refused unless
/// (1) every symbol bound to the version is in an allowed list, and (2) no relocation refers to any of them:
/// an unrelocated symbol is never looked up, so nothing can bind to the missing definition.
/// </para>
/// <para>
/// The case this exists for: GCC 13's &lt;iostream&gt; emits a bare <c>.globl _ZSt21ios_base_library_initv</c>
/// (no call, no relocation) only so that the link records a need for GLIBCXX_3.4.32, the libstdc++ that
/// initialises cout/cin itself. TorchSharp-cpu's libLibTorchSharp.so carries that need, which stops it from
/// loading on Debian 12 (libstdc++ 3.4.30) although it uses nothing from 3.4.32.
/// </para>
/// </summary>
public static class WeakVersionPatcher
{
    /// <summary>Checks whether <paramref name="version"/> of <paramref name="library"/> can be made weak.</summary>
    public static WeakVersionPlan Plan(ElfImage image, string library, string version, IReadOnlySet<string> allowedSymbols)
    {
        var needs = image.VersionNeeds.Where(n => n.File == library && n.Name == version).ToList();
        if (needs.Count != 1)
            return WeakVersionPlan.Refuse($"{library} version {version} is needed {needs.Count} times (expected once)");
        var need = needs[0];
        if (need.IsWeak)
            return WeakVersionPlan.AlreadyWeak(need);

        var bound = image.DynamicSymbols.Where(s => s.VersionIndex == need.Index).ToList();
        var unexpected = bound.Where(s => !allowedSymbols.Contains(s.Name)).Select(s => s.Name).ToList();
        if (unexpected.Count > 0)
            return WeakVersionPlan.Refuse($"{version} is also used by {string.Join(", ", unexpected.Take(5))}");
        var relocated = bound.Where(s => image.RelocatedSymbolIndexes.Contains(s.TableIndex)).Select(s => s.Name).ToList();
        if (relocated.Count > 0)
            return WeakVersionPlan.Refuse($"{string.Join(", ", relocated)} (bound to {version}) is relocated, so it would be looked up");
        return WeakVersionPlan.Patch(need, bound.Select(s => s.Name).ToList());
    }

    /// <summary>Returns a patched copy of <paramref name="bytes"/>; the input array is never modified.</summary>
    public static byte[] Apply(byte[] bytes, WeakVersionPlan plan)
    {
        if (plan.Need is null || plan.RefusalReason is not null)
            throw new InvalidOperationException("this plan does not allow a patch: " + plan.RefusalReason);
        var copy = (byte[])bytes.Clone();
        var span = copy.AsSpan((int)plan.Need.FlagsOffset, 2);
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(span) | ElfVersionNeed.WeakFlag));
        return copy;
    }
}
