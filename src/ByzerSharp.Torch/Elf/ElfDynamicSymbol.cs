namespace ByzerSharp.Torch.Elf;

/// <summary>A .dynsym entry with its .gnu.version index (0 = local, 1 = global/unversioned, ≥2 = a verneed/verdef index).</summary>
public sealed record ElfDynamicSymbol(int TableIndex, string Name, ushort VersionIndex, bool IsUndefined);
