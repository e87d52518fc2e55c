using System.Text.Json.Nodes;

namespace ByzerSharp.Delta.Log;

/// <summary>The reconstructed state of a table at one version: protocol, metadata, live files and tombstones.</summary>
public sealed class Snapshot
{
    internal Snapshot(
        string root,
        long version,
        Protocol protocol,
        Metadata metadata,
        IReadOnlyList<AddFile> files,
        IReadOnlyList<RemoveFile> tombstones,
        IReadOnlyDictionary<string, JsonObject> transactions,
        IReadOnlyDictionary<string, JsonObject> domains)
    {
        Root = root;
        Version = version;
        Protocol = protocol;
        Metadata = metadata;
        Files = files;
        Tombstones = tombstones;
        Transactions = transactions;
        Domains = domains;
    }

    /// <summary>The table folder.</summary>
    public string Root { get; }

    public long Version { get; }

    public Protocol Protocol { get; }

    public Metadata Metadata { get; }

    /// <summary>The live data files, ordered by path so scans are deterministic.</summary>
    public IReadOnlyList<AddFile> Files { get; }

    /// <summary>Removed files still remembered (for VACUUM and checkpoints).</summary>
    public IReadOnlyList<RemoveFile> Tombstones { get; }

    /// <summary>txn actions by appId.</summary>
    public IReadOnlyDictionary<string, JsonObject> Transactions { get; }

    /// <summary>domainMetadata actions by domain (removed ones dropped).</summary>
    public IReadOnlyDictionary<string, JsonObject> Domains { get; }

    public Schema.StructType Schema => Metadata.Schema;

    /// <summary>The absolute file name of a live file.</summary>
    public string FileOf(AddFile add) => LogPaths.Absolute(Root, add.DecodedPath);
}
