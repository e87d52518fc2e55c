using ByzerSharp.Torch.Elf;

namespace ByzerSharp.Torch;

/// <summary>
/// What to do with the shipped libLibTorchSharp.so given the versions the system libstdc++ defines:
/// load it as is (nothing missing: the whole fix is a no-op), load a weak-version copy (only the waivable
/// version is missing and the patch is safe), or give up with the reason.
/// </summary>
internal sealed record NativeLoadDecision(IReadOnlyList<string> Missing, WeakVersionPlan? Patch, string? Failure)
{
    /// <summary>The only version that may be waived, and the only symbol allowed to be bound to it.</summary>
    public const string WaivableVersion = "GLIBCXX_3.4.32";
    public static readonly IReadOnlySet<string> WaivableSymbols = new HashSet<string>(StringComparer.Ordinal) { "_ZSt21ios_base_library_initv" };

    public bool LoadsAsShipped => Missing.Count == 0;

    public static NativeLoadDecision Decide(ElfImage library, IReadOnlySet<string> systemVersions)
    {
        var missing = library.VersionNeeds
            .Where(n => n.File == SystemLibStdCxx.SoName && !n.IsWeak && !systemVersions.Contains(n.Name))
            .Select(n => n.Name)
            .ToList();
        if (missing.Count == 0)
            return new NativeLoadDecision(missing, null, null);
        if (missing.Any(m => m != WaivableVersion))
            return new NativeLoadDecision(missing, null,
                $"it needs {string.Join(", ", missing)} from {SystemLibStdCxx.SoName}; only {WaivableVersion} can be waived. "
                + "Install a newer libstdc++ (GCC 13 or later) or run on a newer distribution");
        var plan = WeakVersionPatcher.Plan(library, SystemLibStdCxx.SoName, WaivableVersion, WaivableSymbols);
        return plan.CanPatch
            ? new NativeLoadDecision(missing, plan, null)
            : new NativeLoadDecision(missing, null, $"it needs {WaivableVersion}, which cannot be waived safely: {plan.RefusalReason}");
    }
}
