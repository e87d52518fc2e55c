using ByzerSharp.Cells.Files;
using ByzerSharp.Cells.Tables;
using Xunit;

namespace ByzerSharp.Tests.Cells;

public sealed class FileRowsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("byzer-filerows-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_folder_round_trips_through_chunks_in_any_order()
    {
        var source = Path.Combine(_root, "src");
        Directory.CreateDirectory(Path.Combine(source, "nested", "deeper"));
        File.WriteAllText(Path.Combine(source, "a.txt"), "alpha");
        var big = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(Path.Combine(source, "nested", "deeper", "w.bin"), big);
        File.WriteAllBytes(Path.Combine(source, "empty.bin"), []);

        var rows = FileRows.FromFolder(source, chunkSize: 4096);
        Assert.True(rows.Count > 17);
        Assert.All(rows, r => Assert.Equal(r.Long("offset"), r.Bytes("value").Length));
        Assert.Equal(rows.Skip(1).Select(r => r.Long("start")), rows.SkipLast(1).Select(r => r.Long("start") + r.Long("offset")));

        var target = Path.Combine(_root, "dst");
        FileRows.ToFolder(rows.Reverse(), target);
        Assert.Equal("alpha", File.ReadAllText(Path.Combine(target, "a.txt")));
        Assert.Equal(big, File.ReadAllBytes(Path.Combine(target, "nested", "deeper", "w.bin")));
        Assert.Empty(File.ReadAllBytes(Path.Combine(target, "empty.bin")));
    }

    [Fact]
    public void A_missing_chunk_fails_instead_of_restoring_a_corrupt_folder()
    {
        var source = Path.Combine(_root, "one");
        Directory.CreateDirectory(source);
        File.WriteAllBytes(Path.Combine(source, "x.bin"), new byte[10_000]);
        var rows = FileRows.FromFolder(source, chunkSize: 1024).Where((_, i) => i != 3);
        var e = Assert.Throws<InvalidDataException>(() => FileRows.ToFolder(rows, Path.Combine(_root, "bad")));
        Assert.Contains("not contiguous", e.Message);
    }

    [Fact]
    public void A_chunk_whose_offset_disagrees_with_its_bytes_fails()
    {
        var rows = new[] { new Row { ["start"] = 0L, ["offset"] = 5L, ["value"] = new byte[3] } };
        Assert.Throws<InvalidDataException>(() => FileRows.ToFolder(rows, Path.Combine(_root, "bad2")));
    }
}
