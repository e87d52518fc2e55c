using System.Formats.Tar;
using ByzerSharp.Cells.Tables;

namespace ByzerSharp.Cells.Files;

/// <summary>
/// Byzer's <c>file</c> schema: a folder travels as a tar stream cut into chunks, one row per chunk
/// with <c>start</c> (the chunk's offset in the stream), <c>offset</c> (its length) and <c>value</c>
/// (its bytes), like pyjava's streaming_tar. This is how trained models are returned by a cell,
/// saved to Delta and restored by <c>register Ray</c>.
/// </summary>
public static class FileRows
{
    /// <summary>pyjava's chunk size, so tables look alike.</summary>
    public const int DefaultChunkSize = 64 * 1024;

    /// <summary>The rows of a folder (relative paths inside the tar; files in ordinal path order).</summary>
    public static IReadOnlyList<Row> FromFolder(string folder, int chunkSize = DefaultChunkSize)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"folder '{folder}' does not exist");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var root = Path.GetFullPath(folder);
            foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
                if (Directory.Exists(path))
                {
                    writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name + "/"));
                }
                else
                {
                    using var data = File.OpenRead(path);
                    writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = data });
                }
            }
        }
        return Chunk(tar.GetBuffer().AsMemory(0, (int)tar.Length), chunkSize);
    }

    /// <summary>Cuts bytes into file rows.</summary>
    public static IReadOnlyList<Row> Chunk(ReadOnlyMemory<byte> stream, int chunkSize = DefaultChunkSize)
    {
        var rows = new List<Row>();
        for (var start = 0; start < stream.Length; start += chunkSize)
        {
            var length = Math.Min(chunkSize, stream.Length - start);
            rows.Add(new Row { ["start"] = (long)start, ["offset"] = (long)length, ["value"] = stream.Slice(start, length).ToArray() });
        }
        return rows;
    }

    /// <summary>
    /// Writes the folder the rows hold into <paramref name="folder"/> (created; existing files
    /// are overwritten). Rows may come in any order: they are put back by <c>start</c>, and a gap
    /// or overlap fails rather than restoring a corrupt model.
    /// </summary>
    public static void ToFolder(IEnumerable<Row> rows, string folder)
    {
        using var tar = new MemoryStream();
        long expected = 0;
        foreach (var row in rows.OrderBy(r => r.Long("start")))
        {
            var start = row.Long("start");
            if (start != expected)
            {
                throw new InvalidDataException($"file rows are not contiguous: a chunk starts at {start} but the previous one ended at {expected}");
            }
            var value = row.Bytes("value");
            if (row.Has("offset") && row[("offset")] is not null && row.Long("offset") != value.Length)
            {
                throw new InvalidDataException($"the chunk at {start} says it holds {row.Long("offset")} bytes but holds {value.Length}");
            }
            tar.Write(value);
            expected += value.Length;
        }
        tar.Position = 0;
        Directory.CreateDirectory(folder);
        TarFile.ExtractToDirectory(tar, folder, overwriteFiles: true);
    }
}
