namespace ByzerSharp.Torch.Elf;

/// <summary>
/// One Vernaux entry of .gnu.version_r: "this object needs version <see cref="Name"/> of <see cref="File"/>".
/// <see cref="Index"/> is the vna_other value that .gnu.version uses to bind undefined symbols to it.
/// <see cref="FlagsOffset"/> is the file offset of the 16-bit vna_flags field (what a patch rewrites).
/// </summary>
public sealed record ElfVersionNeed(string File, string Name, ushort Flags, ushort Index, long FlagsOffset)
{
    /// <summary>VER_FLG_WEAK: the dynamic loader only warns (under LD_DEBUG) when a weak version is missing.</summary>
    public const ushort WeakFlag = 0x2;

    public bool IsWeak => (Flags & WeakFlag) != 0;
}
