using ByzerSharp.Delta.Features;
using ByzerSharp.Delta.Log;

namespace ByzerSharp.Delta.Maintenance;

/// <summary>
/// VACUUM: deletes files under the table that no live add references and that are older than the
/// retention, keeping files removed within the retention (time travel still needs them). Hidden entries
/// (starting with '_' or '.') are never touched, except partition folders such as <c>_2=x</c>.
/// </summary>
public static class Vacuum
{
    /// <param name="retention">null uses the table's delta.deletedFileRetentionDuration (default 7 days).</param>
    /// <param name="checkRetention">Refuse a retention below the table's (Spark's retentionDurationCheck).</param>
    /// <returns>The deleted files.</returns>
    public static IReadOnlyList<string> Run(DeltaTable table, TimeSpan? retention, bool checkRetention, DateTimeOffset now, bool dryRun = false)
    {
        var snapshot = table.Snapshot();
        TableFeatures.CheckWrite(snapshot);
        var tableRetention = TableConfig.DeletedFileRetention(snapshot.Metadata);
        var effective = retention ?? tableRetention;
        if (effective < TimeSpan.Zero)
        {
            throw new DeltaException(DeltaErrorKind.Usage, "the retention cannot be negative", null);
        }
        if (checkRetention && effective < tableRetention)
        {
            throw new DeltaException(DeltaErrorKind.Usage,
                $"Are you sure you would like to vacuum files with such a low retention period ({effective.TotalHours} hours)? The table keeps removed files for {tableRetention.TotalHours} hours, and a shorter retention can break concurrent readers and time travel.",
                "set spark.databricks.delta.retentionDurationCheck.enabled=false (set … where type=\"conf\") to vacuum anyway");
        }
        var cutoff = now - effective;
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var add in snapshot.Files)
        {
            keep.Add(Path.GetFullPath(snapshot.FileOf(add)));
        }
        foreach (var tombstone in snapshot.Tombstones)
        {
            if (tombstone.DeletionTimestamp is { } ts && DateTimeOffset.FromUnixTimeMilliseconds(ts) > cutoff)
            {
                keep.Add(Path.GetFullPath(LogPaths.Absolute(snapshot.Root, tombstone.DecodedPath)));
            }
        }
        var deleted = new List<string>();
        Walk(snapshot.Root, keep, cutoff, deleted, dryRun);
        deleted.Sort(StringComparer.Ordinal);
        return deleted;
    }

    private static void Walk(string folder, HashSet<string> keep, DateTimeOffset cutoff, List<string> deleted, bool dryRun)
    {
        foreach (var dir in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(dir);
            if (IsHidden(name) && !name.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }
            Walk(dir, keep, cutoff, deleted, dryRun);
            if (!dryRun && !Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
        }
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (IsHidden(Path.GetFileName(file)) || keep.Contains(Path.GetFullPath(file)))
            {
                continue;
            }
            if (new DateTimeOffset(File.GetLastWriteTimeUtc(file)) < cutoff)
            {
                deleted.Add(file);
                if (!dryRun)
                {
                    File.Delete(file);
                }
            }
        }
    }

    private static bool IsHidden(string name) => name.StartsWith('_') || name.StartsWith('.');
}
