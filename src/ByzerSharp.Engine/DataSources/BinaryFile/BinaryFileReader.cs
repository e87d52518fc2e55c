using DuckDB.NET.Data;

namespace ByzerSharp.DataSources.BinaryFile;

/// <summary>One file as Spark's binaryFile source returns it.</summary>
public readonly record struct BinaryFileRow(string Path, DateTime ModificationTime, long Length, byte[] Content);

/// <summary>
/// Reads files in parallel and appends them, in the given order, to a DuckDB table through the
/// appender. Reading and appending overlap: while one batch is appended the next is being read.
/// (DuckDB's read_blob runs single-threaded per file list and was 40x slower on many small files.)
/// </summary>
public static class BinaryFileReader
{
    /// <summary>Files per batch: enough to keep every core busy, small enough to bound memory.</summary>
    public const int BatchSize = 512;

    public const string TableDefinition = "(path VARCHAR, modificationTime TIMESTAMP, length BIGINT, content BLOB)";

    /// <summary>Reads <paramref name="files"/> into <paramref name="table"/> (created with <see cref="TableDefinition"/>).</summary>
    /// <param name="zone">The session time zone: modificationTime is its wall-clock time, as Spark shows it.</param>
    /// <param name="advance">Called with the number of files after each batch (progress).</param>
    public static void Read(DuckDBConnection connection, string table, IReadOnlyList<string> files, TimeZoneInfo zone, Action<int> advance, CancellationToken cancellationToken = default)
    {
        using var appender = connection.CreateAppender(table);
        Task<BinaryFileRow[]>? pending = null;
        for (var start = 0; start < files.Count || pending is not null; start += BatchSize)
        {
            var next = start < files.Count ? StartBatch(files, start, Math.Min(BatchSize, files.Count - start), zone, cancellationToken) : null;
            if (pending is not null)
            {
                var rows = pending.GetAwaiter().GetResult();
                foreach (var row in rows)
                {
                    appender.CreateRow()
                        .AppendValue(row.Path)
                        .AppendValue(row.ModificationTime)
                        .AppendValue(row.Length)
                        .AppendValue(row.Content)
                        .EndRow();
                }
                advance(rows.Length);
            }
            pending = next;
        }
    }

    private static Task<BinaryFileRow[]> StartBatch(IReadOnlyList<string> files, int start, int count, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            var rows = new BinaryFileRow[count];
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, i => rows[i] = ReadOne(files[start + i], zone));
            return rows;
        }, cancellationToken);

    public static BinaryFileRow ReadOne(string file, TimeZoneInfo zone)
    {
        var content = File.ReadAllBytes(file);
        var modified = TimeZoneInfo.ConvertTimeFromUtc(File.GetLastWriteTimeUtc(file), zone);
        return new BinaryFileRow(Uri(file), modified, content.LongLength, content);
    }

    /// <summary>Hadoop's Path.toString of a local file: file:/abs/path (one slash).</summary>
    public static string Uri(string file) => "file:" + file;
}
