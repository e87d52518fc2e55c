using System.Text.Json.Nodes;

namespace ByzerSharp.Delta.Log;

/// <summary>
/// Reconstructs a snapshot: the newest complete checkpoint at or before the version, then every commit
/// after it in order (a gap is an error), the latest protocol/metaData winning and adds/removes reconciled by key.
/// </summary>
internal sealed class LogReplay
{
    private readonly Dictionary<string, AddFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RemoveFile> _tombstones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _txns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _domains = new(StringComparer.Ordinal);
    private Protocol? _protocol;
    private Metadata? _metadata;

    public static Snapshot Load(string root, LogListing listing, long? version)
    {
        var latest = listing.LatestVersion;
        if (latest < 0)
        {
            throw new DeltaException(DeltaErrorKind.NotFound, $"{root} is not a Delta table: its _delta_log has no commits", "write the table first, or check the path");
        }
        var target = version ?? latest;
        if (target < 0)
        {
            throw new DeltaException(DeltaErrorKind.Usage, $"invalid version {target}", "versions start at 0");
        }
        if (target > latest)
        {
            throw new DeltaException(DeltaErrorKind.NotFound, $"version {target} of {root} does not exist: the latest version is {latest}", $"use a version between 0 and {latest}");
        }
        var replay = new LogReplay();
        var start = -1L;
        foreach (var checkpoint in listing.Checkpoints.Where(c => c.Complete && c.Version <= target))
        {
            IReadOnlyList<JsonObject> rows;
            try
            {
                rows = CheckpointReader.Read(checkpoint);
            }
            catch (DeltaException)
            {
                // A damaged checkpoint is skipped in favour of an older one or the commits.
                continue;
            }
            foreach (var row in rows)
            {
                replay.ApplyCheckpointRow(row);
            }
            start = checkpoint.Version + 1;
            break;
        }
        if (start < 0)
        {
            if (!listing.Commits.ContainsKey(0))
            {
                var earliest = listing.Commits.Count > 0 ? listing.Commits.Keys.Min() : -1;
                throw new DeltaException(DeltaErrorKind.Corrupt,
                    $"version {target} of {root} cannot be reconstructed: there is no checkpoint at or before it and 00000000000000000000.json is missing" + (earliest >= 0 ? $" (the earliest commit is {earliest})" : ""),
                    "the log was truncated; read a version that has a checkpoint before it");
            }
            start = 0;
        }
        for (var v = start; v <= target; v++)
        {
            if (!listing.Commits.TryGetValue(v, out var file))
            {
                throw new DeltaException(DeltaErrorKind.Corrupt, $"the Delta log of {root} is not contiguous: version {v} ({LogListing.CommitName(v)}) is missing", "the log is damaged; versions must follow each other without gaps");
            }
            foreach (var action in LogAction.ReadCommit(file))
            {
                replay.ApplyCommitAction(action);
            }
        }
        if (replay._protocol is null)
        {
            throw new DeltaException(DeltaErrorKind.Corrupt, $"the Delta log of {root} has no protocol action up to version {target}", "the log is damaged: every table starts with a protocol and a metaData action");
        }
        if (replay._metadata is null)
        {
            throw new DeltaException(DeltaErrorKind.Corrupt, $"the Delta log of {root} has no metaData action up to version {target}", "the log is damaged: every table starts with a protocol and a metaData action");
        }
        return new Snapshot(
            root,
            target,
            replay._protocol,
            replay._metadata,
            replay._files.Values.OrderBy(f => f.DecodedPath, StringComparer.Ordinal).ToList(),
            replay._tombstones.Values.OrderBy(f => f.DecodedPath, StringComparer.Ordinal).ToList(),
            replay._txns,
            replay._domains);
    }

    private void ApplyCheckpointRow(JsonObject row)
    {
        foreach (var (name, value) in row)
        {
            if (value is not JsonObject action)
            {
                continue;
            }
            switch (name)
            {
                case "add":
                    var add = AddFile.Parse(action);
                    _files[add.Key] = add;
                    break;
                case "remove":
                    // In a checkpoint a remove is only a tombstone for VACUUM; it never cancels a checkpoint add.
                    var remove = RemoveFile.Parse(action);
                    _tombstones[remove.Key] = remove;
                    break;
                default:
                    ApplyOther(name, action);
                    break;
            }
        }
    }

    private void ApplyCommitAction(JsonObject line)
    {
        foreach (var (name, value) in line)
        {
            if (value is not JsonObject action)
            {
                continue;
            }
            switch (name)
            {
                case "add":
                    var add = AddFile.Parse(action);
                    _files[add.Key] = add;
                    _tombstones.Remove(add.Key);
                    break;
                case "remove":
                    var remove = RemoveFile.Parse(action);
                    _files.Remove(remove.Key);
                    _tombstones[remove.Key] = remove;
                    break;
                default:
                    ApplyOther(name, action);
                    break;
            }
        }
    }

    private void ApplyOther(string name, JsonObject action)
    {
        switch (name)
        {
            case "metaData":
                _metadata = Metadata.Parse(action);
                break;
            case "protocol":
                _protocol = Protocol.Parse(action);
                break;
            case "txn" when Json.Str(action, "appId") is { } app:
                _txns[app] = action;
                break;
            case "domainMetadata" when Json.Str(action, "domain") is { } domain:
                if (Json.Bool(action, "removed") == true)
                {
                    _domains.Remove(domain);
                }
                else
                {
                    _domains[domain] = action;
                }
                break;
        }
    }
}
