namespace ByzerSharp.Torch.Elf;

/// <summary>The verdict of <see cref="WeakVersionPatcher.Plan"/>: refused (with why), already weak, or patchable.</summary>
public sealed record WeakVersionPlan(ElfVersionNeed? Need, string? RefusalReason, bool IsAlreadyWeak, IReadOnlyList<string> BoundSymbols)
{
    public bool CanPatch => Need is not null && RefusalReason is null && !IsAlreadyWeak;

    internal static WeakVersionPlan Refuse(string reason) => new(null, reason, false, []);

    internal static WeakVersionPlan AlreadyWeak(ElfVersionNeed need) => new(need, null, true, []);

    internal static WeakVersionPlan Patch(ElfVersionNeed need, IReadOnlyList<string> bound) => new(need, null, false, bound);
}
