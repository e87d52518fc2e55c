using System.Text.Json.Nodes;
using ByzerSharp.Delta.Log;

namespace ByzerSharp.Delta.Write;

/// <summary>Optimistic concurrency for one commit: exclusive creation of the next version, with rebasing of blind appends.</summary>
public static class CommitProtocol
{
    /// <summary>
    /// Optimistic concurrency: try version read+1; when another writer took it, a blind append re-checks the
    /// winners and moves on to the next free version; anything that read the table (overwrite) or changed
    /// the protocol/metadata conflicts with winners that changed what it read.
    /// </summary>
    public static long Commit(DeltaTable table, Snapshot? current, WriteOptions options, JsonObject info, List<JsonObject> actions)
    {
        Directory.CreateDirectory(table.LogDir);
        var version = (current?.Version ?? -1) + 1;
        for (var attempt = 0; attempt < options.MaxCommitAttempts; attempt++)
        {
            var content = string.Join("\n", new[] { new JsonObject { ["commitInfo"] = info.DeepClone() } }.Concat(actions).Select(a => a.ToJsonString())) + "\n";
            if (CommitFile.TryCreate(table.LogDir, version, content))
            {
                return version;
            }
            if (current is null)
            {
                // Two writers created the table at once. An append whose schema and partitioning equal the
                // winner's becomes a blind append to it; anything else conflicts.
                current = CreatedConcurrently(table, options, actions);
                actions = actions.Where(a => !a.ContainsKey("protocol") && !a.ContainsKey("metaData")).ToList();
                info["readVersion"] = current.Version;
                info["operation"] = "WRITE";
                version = current.Version + 1;
                continue;
            }
            // Check every winning commit from the one we lost to up to the latest.
            while (File.Exists(Path.Combine(table.LogDir, LogListing.CommitName(version))))
            {
                foreach (var action in LogAction.ReadCommit(Path.Combine(table.LogDir, LogListing.CommitName(version))))
                {
                    if (action.ContainsKey("protocol") || action.ContainsKey("metaData"))
                    {
                        throw new DeltaException(DeltaErrorKind.Conflict,
                            $"a concurrent commit (version {version}) changed the protocol or metadata of {table.Root}",
                            "retry the save");
                    }
                    if (options.Mode == WriteMode.Overwrite && (action["add"] is JsonObject || action["remove"] is JsonObject))
                    {
                        throw new DeltaException(DeltaErrorKind.Conflict,
                            $"a concurrent commit (version {version}) added or removed files of {table.Root} while it was being overwritten",
                            "retry the overwrite");
                    }
                }
                version++;
            }
        }
        throw new DeltaException(DeltaErrorKind.Conflict, $"gave up committing to {table.Root} after {options.MaxCommitAttempts} attempts", "retry the save");
    }

    private static Snapshot CreatedConcurrently(DeltaTable table, WriteOptions options, List<JsonObject> actions)
    {
        var conflict = new DeltaException(DeltaErrorKind.Conflict, $"the Delta table {table.Root} was created by another writer at the same time", "retry the save: it will then append to or overwrite the new table");
        if (options.Mode != WriteMode.Append || actions.FirstOrDefault(a => a.ContainsKey("metaData"))?["metaData"] is not JsonObject ours)
        {
            throw conflict;
        }
        var winner = table.Snapshot(0);
        var mine = Metadata.Parse(ours);
        if (!winner.Schema.SameAs(mine.Schema) || !winner.Metadata.PartitionColumns.SequenceEqual(mine.PartitionColumns, StringComparer.Ordinal))
        {
            throw conflict;
        }
        Features.TableFeatures.CheckWrite(winner);
        return winner;
    }
}
