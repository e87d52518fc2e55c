using System.Text.Json.Nodes;
using DuckDB.NET.Data;

namespace ByzerSharp.Delta.Log;

/// <summary>
/// Reads checkpoints: classic and multi-part parquet, and v2 (UUID-named JSON or parquet whose add/remove
/// actions may live in <c>_delta_log/_sidecars</c>). In parquet each row holds one action as a nullable struct
/// column; a whole row serialised with to_json gives the same shape as a commit line.
/// </summary>
public static class CheckpointReader
{
    public static IReadOnlyList<JsonObject> Read(CheckpointFiles checkpoint)
    {
        var rows = checkpoint.Parts.Count == 1 && checkpoint.Parts[0].EndsWith(".json", StringComparison.Ordinal)
            ? LogAction.ReadCommit(checkpoint.Parts[0]).ToList()
            : ReadParquet(checkpoint.Version, checkpoint.Parts).ToList();
        var sidecars = rows
            .Select(r => r["sidecar"] as JsonObject)
            .OfType<JsonObject>()
            .Select(s => Json.Str(s, "path") ?? throw new DeltaException(DeltaErrorKind.Corrupt, $"a sidecar of the checkpoint of version {checkpoint.Version} has no path"))
            .Select(p => LogPaths.Absolute(Path.Combine(Path.GetDirectoryName(checkpoint.Parts[0])!, "_sidecars"), LogPaths.Decode(p)))
            .ToList();
        if (sidecars.Count > 0)
        {
            var missing = sidecars.FirstOrDefault(f => !File.Exists(f));
            if (missing is not null)
            {
                throw new DeltaException(DeltaErrorKind.Corrupt, $"the sidecar {missing} of the checkpoint of version {checkpoint.Version} is missing");
            }
            rows.AddRange(ReadParquet(checkpoint.Version, sidecars));
        }
        return rows;
    }

    private static List<JsonObject> ReadParquet(long version, IReadOnlyList<string> parts)
    {
        var result = new List<JsonObject>();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var files = "[" + string.Join(", ", parts.Select(Sql.Str)) + "]";
        command.CommandText = $"SELECT to_json(t) FROM read_parquet({files}, union_by_name=true, hive_partitioning=false) AS t";
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!reader.IsDBNull(0) && JsonNode.Parse(reader.GetString(0)) is JsonObject row)
                {
                    result.Add(row);
                }
            }
        }
        catch (DuckDBException e)
        {
            throw new DeltaException(DeltaErrorKind.Corrupt, $"the checkpoint of version {version} cannot be read: {e.Message.Split('\n')[0]}", null, e);
        }
        return result;
    }
}
