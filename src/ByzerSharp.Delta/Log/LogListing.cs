using System.Globalization;
using System.Text.RegularExpressions;

namespace ByzerSharp.Delta.Log;

/// <summary>A checkpoint found in the log: classic (one part) or multi-part, complete only when every part is present.</summary>
public sealed record CheckpointFiles(long Version, IReadOnlyList<string> Parts, bool Complete);

/// <summary>
/// The files of <c>_delta_log</c> classified by strict name patterns, so that checksums, compacted logs,
/// temp files and Hadoop .crc files are never taken for commits.
/// </summary>
public sealed partial class LogListing
{
    private LogListing(string logDir, SortedDictionary<long, string> commits, IReadOnlyList<CheckpointFiles> checkpoints, bool hasV2Checkpoints)
    {
        LogDir = logDir;
        Commits = commits;
        Checkpoints = checkpoints;
        HasV2Checkpoints = hasV2Checkpoints;
    }

    public string LogDir { get; }

    /// <summary>Commit files by version.</summary>
    public SortedDictionary<long, string> Commits { get; }

    /// <summary>Checkpoints, newest first.</summary>
    public IReadOnlyList<CheckpointFiles> Checkpoints { get; }

    /// <summary>Whether UUID-named (v2) checkpoints are present.</summary>
    public bool HasV2Checkpoints { get; }

    /// <summary>The newest version the log knows (commit or checkpoint), -1 when empty.</summary>
    public long LatestVersion => Math.Max(Commits.Count > 0 ? Commits.Keys.Max() : -1, Checkpoints.Where(c => c.Complete).Select(c => c.Version).DefaultIfEmpty(-1).Max());

    public static string CommitName(long version) => version.ToString("D20", CultureInfo.InvariantCulture) + ".json";

    public static string CheckpointName(long version) => version.ToString("D20", CultureInfo.InvariantCulture) + ".checkpoint.parquet";

    public static LogListing Read(string logDir)
    {
        var commits = new SortedDictionary<long, string>();
        var parts = new Dictionary<(long Version, int Total), List<(int Part, string File)>>();
        var hasV2 = false;
        foreach (var file in Directory.EnumerateFiles(logDir))
        {
            var name = Path.GetFileName(file);
            Match m;
            if ((m = CommitPattern().Match(name)).Success)
            {
                commits[long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = file;
            }
            else if ((m = ClassicCheckpointPattern().Match(name)).Success)
            {
                Add(parts, long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 1, 1, file);
            }
            else if ((m = MultiPartCheckpointPattern().Match(name)).Success)
            {
                Add(parts, long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), file);
            }
            else if ((m = V2CheckpointPattern().Match(name)).Success)
            {
                // A UUID-named (v2) checkpoint is one file; its sidecars are found through its own actions.
                hasV2 = true;
                Add(parts, long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 1, 1, file);
            }
        }
        var checkpoints = parts
            .Select(kv => new CheckpointFiles(
                kv.Key.Version,
                kv.Value.OrderBy(p => p.Part).Select(p => p.File).ToList(),
                kv.Value.Select(p => p.Part).Distinct().Count() == kv.Key.Total && kv.Value.All(p => p.Part >= 1 && p.Part <= kv.Key.Total)))
            .OrderByDescending(c => c.Version)
            .ThenByDescending(c => c.Complete)
            .ToList();
        return new LogListing(logDir, commits, checkpoints, hasV2);
    }

    private static void Add(Dictionary<(long, int), List<(int, string)>> parts, long version, int part, int total, string file)
    {
        if (!parts.TryGetValue((version, total), out var list))
        {
            parts[(version, total)] = list = [];
        }
        list.Add((part, file));
    }

    [GeneratedRegex(@"^(\d{20})\.json$")]
    private static partial Regex CommitPattern();

    [GeneratedRegex(@"^(\d{20})\.checkpoint\.parquet$")]
    private static partial Regex ClassicCheckpointPattern();

    [GeneratedRegex(@"^(\d{20})\.checkpoint\.(\d{10})\.(\d{10})\.parquet$")]
    private static partial Regex MultiPartCheckpointPattern();

    [GeneratedRegex(@"^(\d{20})\.checkpoint\.[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\.(json|parquet)$")]
    private static partial Regex V2CheckpointPattern();
}
