namespace ByzerSharp.Torch.Elf;

/// <summary>The bytes are not a well-formed little-endian ELF64 file (or a table points outside the file).</summary>
public sealed class ElfFormatException(string message) : Exception(message);
