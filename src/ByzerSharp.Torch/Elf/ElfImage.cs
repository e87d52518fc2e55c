using System.Buffers.Binary;
using System.Text;

namespace ByzerSharp.Torch.Elf;

/// <summary>
/// A read-only view of the dynamic-linking tables of a little-endian ELF64 shared object: the version needs
/// (.gnu.version_r), version definitions (.gnu.version_d), dynamic symbols with their version index
/// (.dynsym + .gnu.version), the symbols that relocations refer to (.rela.* / .rel.*) and DT_NEEDED/DT_SONAME.
/// It reads section headers, not program headers, because that is where these tables are named; every offset
/// is bounds-checked so a truncated or hostile file gives an <see cref="ElfFormatException"/>, never a crash.
/// </summary>
public sealed class ElfImage
{
    private const uint ShtRela = 4;
    private const uint ShtDynamic = 6;
    private const uint ShtRel = 9;
    private const uint ShtDynsym = 11;
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const long DtNeeded = 1;
    private const long DtSoname = 14;
    private const ushort VerFlgBase = 0x1;

    private readonly byte[] _bytes;
    private readonly Section[] _sections;

    private ElfImage(byte[] bytes)
    {
        _bytes = bytes;
        _sections = ReadSections();
        VersionNeeds = ReadVersionNeeds();
        VersionDefinitions = ReadVersionDefinitions();
        DynamicSymbols = ReadDynamicSymbols();
        RelocatedSymbolIndexes = ReadRelocatedSymbolIndexes();
        (Needed, SoName) = ReadDynamic();
    }

    public IReadOnlyList<ElfVersionNeed> VersionNeeds { get; }

    /// <summary>Version names this object defines (e.g. GLIBCXX_3.4.30 in libstdc++), without the base (soname) entry.</summary>
    public IReadOnlySet<string> VersionDefinitions { get; }

    public IReadOnlyList<ElfDynamicSymbol> DynamicSymbols { get; }

    /// <summary>.dynsym indexes that at least one dynamic relocation (REL or RELA, including PLT) refers to.</summary>
    public IReadOnlySet<int> RelocatedSymbolIndexes { get; }

    public IReadOnlyList<string> Needed { get; }

    public string? SoName { get; }

    public static ElfImage Parse(byte[] bytes) => new(bytes);

    public static ElfImage Load(string path) => new(File.ReadAllBytes(path));

    private readonly record struct Section(uint Type, long Offset, long Size, uint Link, uint Info, long EntrySize);

    private Section[] ReadSections()
    {
        if (_bytes.Length < 64 || _bytes[0] != 0x7f || _bytes[1] != (byte)'E' || _bytes[2] != (byte)'L' || _bytes[3] != (byte)'F')
            throw new ElfFormatException("not an ELF file (bad magic)");
        if (_bytes[4] != 2 || _bytes[5] != 1)
            throw new ElfFormatException("only little-endian ELF64 files are supported");
        var shoff = ReadOffset(0x28);
        var shentsize = U16(0x3a);
        var shnum = U16(0x3c);
        if (shoff == 0 || shnum == 0)
            throw new ElfFormatException("the file has no section headers");
        if (shentsize != 64)
            throw new ElfFormatException($"unexpected section header size {shentsize}");
        Check(shoff, (long)shnum * shentsize, "section header table");
        var sections = new Section[shnum];
        for (var i = 0; i < shnum; i++)
        {
            var at = shoff + (long)i * shentsize;
            var type = U32(at + 4);
            var offset = ReadOffset(at + 0x18);
            var size = ReadOffset(at + 0x20);
            // SHT_NOBITS (.bss) occupies no file bytes; every other section must lie inside the file.
            if (type != 8 && type != 0)
                Check(offset, size, $"section {i}");
            sections[i] = new Section(type, offset, size, U32(at + 0x28), U32(at + 0x2c), ReadOffset(at + 0x38));
        }
        return sections;
    }

    private List<ElfVersionNeed> ReadVersionNeeds()
    {
        var result = new List<ElfVersionNeed>();
        foreach (var section in _sections.Where(s => s.Type == ShtGnuVerneed))
        {
            var strings = LinkedSection(section);
            var at = section.Offset;
            for (var n = 0; n < section.Info; n++)
            {
                Check(at, 16, "Verneed entry");
                var count = U16(at + 2);
                var file = ReadString(strings, U32(at + 4));
                var aux = at + U32(at + 8);
                for (var k = 0; k < count; k++)
                {
                    Check(aux, 16, "Vernaux entry");
                    result.Add(new ElfVersionNeed(file, ReadString(strings, U32(aux + 8)), U16(aux + 4), U16(aux + 6), aux + 4));
                    var nextAux = U32(aux + 12);
                    if (nextAux == 0)
                        break;
                    aux += nextAux;
                }
                var next = U32(at + 12);
                if (next == 0)
                    break;
                at += next;
            }
        }
        return result;
    }

    private HashSet<string> ReadVersionDefinitions()
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in _sections.Where(s => s.Type == ShtGnuVerdef))
        {
            var strings = LinkedSection(section);
            var at = section.Offset;
            for (var n = 0; n < section.Info; n++)
            {
                Check(at, 20, "Verdef entry");
                var flags = U16(at + 2);
                var aux = at + U32(at + 12);
                Check(aux, 8, "Verdaux entry");
                if ((flags & VerFlgBase) == 0)
                    result.Add(ReadString(strings, U32(aux)));
                var next = U32(at + 16);
                if (next == 0)
                    break;
                at += next;
            }
        }
        return result;
    }

    private List<ElfDynamicSymbol> ReadDynamicSymbols()
    {
        var result = new List<ElfDynamicSymbol>();
        var dynsymIndex = Array.FindIndex(_sections, s => s.Type == ShtDynsym);
        if (dynsymIndex < 0)
            return result;
        var dynsym = _sections[dynsymIndex];
        if (dynsym.EntrySize != 24)
            throw new ElfFormatException($"unexpected .dynsym entry size {dynsym.EntrySize}");
        var strings = LinkedSection(dynsym);
        var versym = _sections.FirstOrDefault(s => s.Type == ShtGnuVersym && s.Link == dynsymIndex);
        var count = dynsym.Size / 24;
        if (versym.Type == ShtGnuVersym && versym.Size < count * 2)
            throw new ElfFormatException(".gnu.version is shorter than .dynsym");
        for (var i = 0; i < count; i++)
        {
            var at = dynsym.Offset + i * 24L;
            // Bit 15 of a versym entry is the "hidden" flag; the low 15 bits are the version index.
            var version = versym.Type == ShtGnuVersym ? (ushort)(U16(versym.Offset + i * 2L) & 0x7fff) : (ushort)1;
            result.Add(new ElfDynamicSymbol(i, ReadString(strings, U32(at)), version, U16(at + 6) == 0));
        }
        return result;
    }

    private HashSet<int> ReadRelocatedSymbolIndexes()
    {
        var result = new HashSet<int>();
        foreach (var section in _sections.Where(s => s.Type is ShtRela or ShtRel))
        {
            var entrySize = section.Type == ShtRela ? 24L : 16L;
            if (section.EntrySize != entrySize)
                throw new ElfFormatException($"unexpected relocation entry size {section.EntrySize}");
            // r_info (at +8 in both REL and RELA) holds the symbol index in its high 32 bits.
            for (var at = section.Offset; at + entrySize <= section.Offset + section.Size; at += entrySize)
                result.Add((int)(U64(at + 8) >> 32));
        }
        return result;
    }

    private (List<string> Needed, string? SoName) ReadDynamic()
    {
        var needed = new List<string>();
        string? soname = null;
        foreach (var section in _sections.Where(s => s.Type == ShtDynamic))
        {
            var strings = LinkedSection(section);
            for (var at = section.Offset; at + 16 <= section.Offset + section.Size; at += 16)
            {
                var tag = (long)U64(at);
                if (tag == 0)
                    break;
                if (tag == DtNeeded)
                    needed.Add(ReadString(strings, U64(at + 8)));
                else if (tag == DtSoname)
                    soname = ReadString(strings, U64(at + 8));
            }
        }
        return (needed, soname);
    }

    private Section LinkedSection(Section section)
    {
        if (section.Link >= _sections.Length)
            throw new ElfFormatException($"section link {section.Link} is out of range");
        return _sections[section.Link];
    }

    private string ReadString(Section table, ulong offset)
    {
        if (offset >= (ulong)table.Size)
            throw new ElfFormatException($"string offset {offset} is outside its string table");
        var start = (int)(table.Offset + (long)offset);
        var end = Array.IndexOf(_bytes, (byte)0, start, (int)(table.Offset + table.Size - start));
        if (end < 0)
            throw new ElfFormatException("unterminated string in a string table");
        return Encoding.UTF8.GetString(_bytes, start, end - start);
    }

    private void Check(long offset, long length, string what)
    {
        if (offset < 0 || length < 0 || offset > _bytes.Length || length > _bytes.Length - offset)
            throw new ElfFormatException($"{what} lies outside the file (offset {offset}, length {length})");
    }

    private long ReadOffset(long at)
    {
        var value = U64(at);
        if (value > int.MaxValue)
            throw new ElfFormatException($"offset {value} is too large");
        return (long)value;
    }

    private ushort U16(long at)
    {
        Check(at, 2, "field");
        return BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan((int)at));
    }

    private uint U32(long at)
    {
        Check(at, 4, "field");
        return BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan((int)at));
    }

    private ulong U64(long at)
    {
        Check(at, 8, "field");
        return BinaryPrimitives.ReadUInt64LittleEndian(_bytes.AsSpan((int)at));
    }
}
