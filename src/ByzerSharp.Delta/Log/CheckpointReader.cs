using System.Text.Json.Nodes;
using DuckDB.NET.Data;

namespace ByzerSharp.Delta.Log;

/// <summary>
/// Reads classic and multi-part parquet checkpoints with DuckDB: each row holds one action as a
/// nullable struct column; a whole row serialised with to_json gives the same shape as a commit line.
/// </summary>
public static class CheckpointReader
{
    public static IReadOnlyList<JsonObject> Read(CheckpointFiles checkpoint)
    {
        var result = new List<JsonObject>();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var files = "[" + string.Join(", ", checkpoint.Parts.Select(Sql.Str)) + "]";
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
            throw new DeltaException(DeltaErrorKind.Corrupt, $"the checkpoint of version {checkpoint.Version} cannot be read: {e.Message.Split('\n')[0]}", null, e);
        }
        return result;
    }
}
