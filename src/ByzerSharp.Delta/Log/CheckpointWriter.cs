using System.Text;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;

namespace ByzerSharp.Delta.Log;

/// <summary>
/// Writes a classic V1 checkpoint (<c>&lt;v&gt;.checkpoint.parquet</c>) of a snapshot, then points
/// <c>_last_checkpoint</c> at it. The reconciled actions go through a JSON file that DuckDB reads with the
/// checkpoint schema (maps as MAP(VARCHAR, VARCHAR)) and writes as parquet; both steps use temp names so a
/// crash leaves no partial checkpoint under the real name.
/// </summary>
public static class CheckpointWriter
{
    private const string Columns =
        "{'txn': 'STRUCT(appId VARCHAR, version BIGINT, lastUpdated BIGINT)', "
        + "'add': 'STRUCT(path VARCHAR, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT, modificationTime BIGINT, dataChange BOOLEAN, tags MAP(VARCHAR, VARCHAR), stats VARCHAR)', "
        + "'remove': 'STRUCT(path VARCHAR, deletionTimestamp BIGINT, dataChange BOOLEAN, extendedFileMetadata BOOLEAN, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT, tags MAP(VARCHAR, VARCHAR))', "
        + "'metaData': 'STRUCT(id VARCHAR, name VARCHAR, description VARCHAR, format STRUCT(provider VARCHAR, options MAP(VARCHAR, VARCHAR)), schemaString VARCHAR, partitionColumns VARCHAR[], configuration MAP(VARCHAR, VARCHAR), createdTime BIGINT)', "
        + "'protocol': 'STRUCT(minReaderVersion INTEGER, minWriterVersion INTEGER, readerFeatures VARCHAR[], writerFeatures VARCHAR[])', "
        + "'domainMetadata': 'STRUCT(domain VARCHAR, configuration VARCHAR, removed BOOLEAN)'}";

    public static void Write(Snapshot snapshot, DateTimeOffset now)
    {
        var logDir = Path.Combine(snapshot.Root, "_delta_log");
        var lines = new List<JsonObject>
        {
            new() { ["protocol"] = snapshot.Protocol.ToJson() },
            new() { ["metaData"] = snapshot.Metadata.ToJson() },
        };
        lines.AddRange(snapshot.Transactions.Values.Select(t => new JsonObject { ["txn"] = t.DeepClone() }));
        lines.AddRange(snapshot.Domains.Values.Select(d => new JsonObject { ["domainMetadata"] = d.DeepClone() }));
        lines.AddRange(snapshot.Files.Select(f => new JsonObject { ["add"] = f.Raw.DeepClone() }));
        var expiry = (now - TableConfig.DeletedFileRetention(snapshot.Metadata)).ToUnixTimeMilliseconds();
        lines.AddRange(snapshot.Tombstones
            .Where(t => (t.DeletionTimestamp ?? 0) > expiry)
            .Select(t => new JsonObject { ["remove"] = t.Raw.DeepClone() }));
        var id = Guid.NewGuid().ToString("N");
        var json = Path.Combine(logDir, $".tmp-{id}.checkpoint.json");
        var parquet = Path.Combine(logDir, $".tmp-{id}.checkpoint.parquet");
        try
        {
            File.WriteAllText(json, string.Join("\n", lines.Select(l => l.ToJsonString())) + "\n", new UTF8Encoding(false));
            using (var connection = new DuckDBConnection("DataSource=:memory:"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"COPY (SELECT txn, \"add\", remove, metaData, protocol, domainMetadata FROM read_json({Sql.Str(json)}, format='newline_delimited', columns={Columns})) "
                    + $"TO {Sql.Str(parquet)} (FORMAT parquet, COMPRESSION snappy)";
                command.ExecuteNonQuery();
            }
            File.Move(parquet, Path.Combine(logDir, LogListing.CheckpointName(snapshot.Version)), overwrite: true);
            new LastCheckpoint(snapshot.Version, lines.Count, null).Write(logDir);
        }
        finally
        {
            File.Delete(json);
            File.Delete(parquet);
        }
    }
}
