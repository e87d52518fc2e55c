using System.Collections.Concurrent;
using ByzerSharp.DuckDb;
using DuckDB.NET.Data;

namespace ByzerSharp.DataSources.BinaryFile;

/// <summary>
/// What <c>load binaryFile</c> materialises: one row per file with Spark's path, modificationTime and
/// length, plus the file's pinned version, in path order. The content column is a view over it
/// (<see cref="ViewSql"/>), read by <see cref="BinaryFileContentFunction"/> when a query needs it.
/// </summary>
public static class BinaryFileListing
{
    /// <summary>Files a worker stats between two progress reports.</summary>
    private const int ReportEvery = 1024;

    public const string TableDefinition = "(path VARCHAR, modificationTime TIMESTAMP, length BIGINT, modified_ns BIGINT)";

    /// <summary>Spark's four binaryFile columns over a listing table.</summary>
    public static string ViewSql(string listingTable) =>
        $"SELECT path, modificationTime, length, {BinaryFileContentFunction.Name}(path, length, modified_ns) AS content FROM {Sql.Ident(listingTable)}";

    /// <summary>The version of every file, in parallel (one stat each).</summary>
    /// <param name="advance">Called with a number of files done (progress); calls are serialised.</param>
    public static FileVersion[] Stat(IReadOnlyList<string> files, Action<int> advance, CancellationToken cancellationToken = default)
    {
        var versions = new FileVersion[files.Count];
        var gate = new object();
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.ForEach(Partitioner.Create(0, files.Count, ReportEvery), options, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                versions[i] = BinaryFileReader.Stat(files[i]);
            }
            lock (gate)
            {
                advance(range.Item2 - range.Item1);
            }
        });
        return versions;
    }

    /// <summary>Appends the listing to <paramref name="table"/> (created with <see cref="TableDefinition"/>).</summary>
    /// <param name="zone">The session time zone: modificationTime is its wall-clock time, as Spark shows it.</param>
    public static void Append(DuckDBConnection connection, string table, IReadOnlyList<string> files, IReadOnlyList<FileVersion> versions, TimeZoneInfo zone)
    {
        using var appender = connection.CreateAppender(table);
        for (var i = 0; i < files.Count; i++)
        {
            appender.CreateRow()
                .AppendValue(BinaryFileReader.Uri(files[i]))
                .AppendValue(TimeZoneInfo.ConvertTimeFromUtc(versions[i].ModifiedUtc, zone))
                .AppendValue(versions[i].Length)
                .AppendValue(versions[i].ModifiedNanos)
                .EndRow();
        }
    }
}
