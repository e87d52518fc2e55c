using ByzerSharp.Delta.Log;

namespace ByzerSharp.Delta;

/// <summary>
/// A Delta table folder. Every call lists the log afresh, so a DeltaTable always sees the latest commits.
/// Usage without the interpreter: <c>DeltaTable.Open(path).Snapshot()</c>, then <see cref="Read.DeltaScan"/>.
/// </summary>
public sealed class DeltaTable
{
    private DeltaTable(string root)
    {
        Root = root;
    }

    /// <summary>The table folder (absolute).</summary>
    public string Root { get; }

    public string LogDir => Path.Combine(Root, "_delta_log");

    /// <summary>Opens an existing table; fails when the folder has no Delta log.</summary>
    public static DeltaTable Open(string path)
    {
        var table = new DeltaTable(Path.GetFullPath(path));
        if (!Directory.Exists(table.LogDir))
        {
            throw new DeltaException(DeltaErrorKind.NotFound,
                Directory.Exists(table.Root) ? $"{table.Root} is not a Delta table: it has no _delta_log folder" : $"the Delta table {table.Root} does not exist",
                "check the path, or write the table first with save … as delta.`…`");
        }
        return table;
    }

    /// <summary>A handle for a table that may not exist yet (for writers).</summary>
    public static DeltaTable At(string path) => new(Path.GetFullPath(path));

    /// <summary>Whether the folder holds a Delta table with at least one version.</summary>
    public bool Exists => Directory.Exists(LogDir) && LogListing.Read(LogDir).LatestVersion >= 0;

    public LogListing Listing() => LogListing.Read(LogDir);

    public long LatestVersion() => Listing().LatestVersion;

    /// <summary>The table at <paramref name="version"/>, or the latest version.</summary>
    public Snapshot Snapshot(long? version = null) => LogReplay.Load(Root, Listing(), version);

    /// <summary>The latest version committed at or before <paramref name="timestamp"/> (Spark's timestampAsOf).</summary>
    public long VersionAsOf(DateTimeOffset timestamp)
    {
        var commits = CommitTimestamps();
        if (commits.Count == 0)
        {
            throw new DeltaException(DeltaErrorKind.NotFound, $"{Root} has no commits to travel to", null);
        }
        var (firstVersion, firstTime) = commits[0];
        if (timestamp < firstTime)
        {
            throw new DeltaException(DeltaErrorKind.NotFound,
                $"the timestamp {timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} is before the earliest available version {firstVersion} ({firstTime:yyyy-MM-dd HH:mm:ss.fff zzz})",
                "use a later timestamp");
        }
        var (lastVersion, lastTime) = commits[^1];
        if (timestamp > lastTime)
        {
            throw new DeltaException(DeltaErrorKind.NotFound,
                $"the timestamp {timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} is after the latest version {lastVersion} ({lastTime:yyyy-MM-dd HH:mm:ss.fff zzz})",
                $"use a timestamp at or before {lastTime:yyyy-MM-dd HH:mm:ss.fff zzz}, or versionAsOf={lastVersion}");
        }
        return commits.Last(c => c.Time <= timestamp).Version;
    }

    /// <summary>
    /// Commit times from the commit files' modification times, made strictly increasing as Delta does
    /// (a commit whose time is not after its predecessor's counts as the predecessor's plus 1 ms).
    /// </summary>
    public IReadOnlyList<(long Version, DateTimeOffset Time)> CommitTimestamps()
    {
        var result = new List<(long, DateTimeOffset)>();
        var previous = DateTimeOffset.MinValue;
        foreach (var (version, file) in Listing().Commits)
        {
            var time = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
            time = DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
            if (time <= previous)
            {
                time = previous.AddMilliseconds(1);
            }
            result.Add((version, time));
            previous = time;
        }
        return result;
    }

    /// <summary>Every commit still in the log, newest first, with its commitInfo (Spark's DESCRIBE HISTORY).</summary>
    public IReadOnlyList<CommitInfo> History()
    {
        var listing = Listing();
        var times = CommitTimestamps().ToDictionary(t => t.Version, t => t.Time);
        var result = new List<CommitInfo>();
        foreach (var (version, file) in listing.Commits.Reverse())
        {
            var info = LogAction.ReadCommit(file).Select(a => a["commitInfo"]).OfType<System.Text.Json.Nodes.JsonObject>().FirstOrDefault();
            result.Add(new CommitInfo(version, times[version], info));
        }
        return result;
    }
}
