using System.Buffers.Binary;
using System.Text;

namespace ByzerSharp.Torch.Tests;

/// <summary>
/// Builds a minimal little-endian ELF64 shared object holding only the tables the patcher reads:
/// .dynstr, .dynsym, .gnu.version, .gnu.version_r, .rela.plt, .dynamic and .shstrtab.
/// Version indexes are given out from 2 in the order the needs are listed, as ld does.
/// </summary>
internal sealed class SyntheticElf
{
    public List<(string File, List<(string Version, ushort Flags)> Versions)> Needs { get; } = [];

    /// <summary>Undefined symbols; Version null means unversioned (index 1).</summary>
    public List<(string Name, string? Version)> Symbols { get; } = [];

    public List<string> Relocated { get; } = [];

    public List<string> Needed { get; } = [];

    public string? SoName { get; set; }

    public byte[] Build()
    {
        var dynstr = new StringTable();
        var versionIndex = new Dictionary<string, ushort>();
        ushort next = 2;
        foreach (var (_, versions) in Needs)
            foreach (var (version, _) in versions)
                versionIndex[version] = next++;

        // .dynsym: entry 0 is the null symbol.
        var dynsym = new byte[24 * (Symbols.Count + 1)];
        var versym = new byte[2 * (Symbols.Count + 1)];
        for (var i = 0; i < Symbols.Count; i++)
        {
            var (name, version) = Symbols[i];
            BinaryPrimitives.WriteUInt32LittleEndian(dynsym.AsSpan(24 * (i + 1)), dynstr.Add(name));
            dynsym[24 * (i + 1) + 4] = 0x12; // STB_GLOBAL, STT_FUNC; st_shndx stays 0 = undefined
            BinaryPrimitives.WriteUInt16LittleEndian(versym.AsSpan(2 * (i + 1)), version is null ? (ushort)1 : versionIndex[version]);
        }

        var verneed = new List<byte>();
        for (var n = 0; n < Needs.Count; n++)
        {
            var (file, versions) = Needs[n];
            var entry = new byte[16 + 16 * versions.Count];
            BinaryPrimitives.WriteUInt16LittleEndian(entry, 1);
            BinaryPrimitives.WriteUInt16LittleEndian(entry.AsSpan(2), (ushort)versions.Count);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(4), dynstr.Add(file));
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(8), 16);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(12), n == Needs.Count - 1 ? 0u : (uint)entry.Length);
            for (var k = 0; k < versions.Count; k++)
            {
                var aux = entry.AsSpan(16 + 16 * k);
                BinaryPrimitives.WriteUInt16LittleEndian(aux[4..], versions[k].Flags);
                BinaryPrimitives.WriteUInt16LittleEndian(aux[6..], versionIndex[versions[k].Version]);
                BinaryPrimitives.WriteUInt32LittleEndian(aux[8..], dynstr.Add(versions[k].Version));
                BinaryPrimitives.WriteUInt32LittleEndian(aux[12..], k == versions.Count - 1 ? 0u : 16u);
            }
            verneed.AddRange(entry);
        }

        var rela = new byte[24 * Relocated.Count];
        for (var r = 0; r < Relocated.Count; r++)
        {
            var symbol = Symbols.FindIndex(s => s.Name == Relocated[r]) + 1;
            BinaryPrimitives.WriteUInt64LittleEndian(rela.AsSpan(24 * r + 8), ((ulong)symbol << 32) | 7); // R_X86_64_JUMP_SLOT
        }

        var dynamic = new List<byte>();
        foreach (var needed in Needed)
            dynamic.AddRange(DynamicEntry(1, dynstr.Add(needed)));
        if (SoName is not null)
            dynamic.AddRange(DynamicEntry(14, dynstr.Add(SoName)));
        dynamic.AddRange(DynamicEntry(0, 0));

        var shstrtab = new StringTable();
        // index: 1 .dynstr, 2 .dynsym, 3 .gnu.version, 4 .gnu.version_r, 5 .rela.plt, 6 .dynamic, 7 .shstrtab
        var sections = new (string Name, uint Type, byte[] Data, uint Link, uint Info, ulong EntSize)[]
        {
            (".dynstr", 3, dynstr.Bytes(), 0, 0, 0),
            (".dynsym", 11, dynsym, 1, 1, 24),
            (".gnu.version", 0x6fffffff, versym, 2, 0, 2),
            (".gnu.version_r", 0x6ffffffe, verneed.ToArray(), 1, (uint)Needs.Count, 0),
            (".rela.plt", 4, rela, 2, 0, 24),
            (".dynamic", 6, dynamic.ToArray(), 1, 0, 16),
            (".shstrtab", 3, [], 0, 0, 0),
        };
        var nameOffsets = sections.Select(s => shstrtab.Add(s.Name)).ToArray();
        sections[^1].Data = shstrtab.Bytes();

        var image = new List<byte>(new byte[64]);
        var offsets = new long[sections.Length];
        for (var i = 0; i < sections.Length; i++)
        {
            while (image.Count % 8 != 0)
                image.Add(0);
            offsets[i] = image.Count;
            image.AddRange(sections[i].Data);
        }
        while (image.Count % 8 != 0)
            image.Add(0);
        var shoff = image.Count;
        image.AddRange(new byte[64]); // the null section header
        for (var i = 0; i < sections.Length; i++)
        {
            var header = new byte[64];
            BinaryPrimitives.WriteUInt32LittleEndian(header, nameOffsets[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), sections[i].Type);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(0x18), (ulong)offsets[i]);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(0x20), (ulong)sections[i].Data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x28), sections[i].Link);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x2c), sections[i].Info);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(0x38), sections[i].EntSize);
            image.AddRange(header);
        }

        var bytes = image.ToArray();
        "\u007fELF"u8.CopyTo(bytes);
        bytes[4] = 2; // ELFCLASS64
        bytes[5] = 1; // ELFDATA2LSB
        bytes[6] = 1; // EV_CURRENT
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x10), 3); // ET_DYN
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x12), 62); // EM_X86_64
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(0x28), (ulong)shoff);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x34), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3a), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3c), (ushort)(sections.Length + 1));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3e), (ushort)sections.Length);
        return bytes;
    }

    /// <summary>The file offset of section header <paramref name="index"/> (for tests that corrupt it).</summary>
    public static int SectionHeaderOffset(byte[] elf, int index) =>
        (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28)) + 64 * index;

    private static byte[] DynamicEntry(long tag, ulong value)
    {
        var entry = new byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(entry, tag);
        BinaryPrimitives.WriteUInt64LittleEndian(entry.AsSpan(8), value);
        return entry;
    }

    private sealed class StringTable
    {
        private readonly List<byte> _bytes = [0];
        private readonly Dictionary<string, uint> _offsets = new() { [""] = 0 };

        public uint Add(string value)
        {
            if (_offsets.TryGetValue(value, out var offset))
                return offset;
            offset = (uint)_bytes.Count;
            _bytes.AddRange(Encoding.UTF8.GetBytes(value));
            _bytes.Add(0);
            return _offsets[value] = offset;
        }

        public byte[] Bytes() => [.. _bytes];
    }
}
