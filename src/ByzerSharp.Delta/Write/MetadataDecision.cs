using System.Text.Json.Nodes;
using ByzerSharp.Delta.Log;
using ByzerSharp.Delta.Schema;

namespace ByzerSharp.Delta.Write;

/// <summary>
/// Which metadata a write commits: Spark Delta's ImplicitMetadataOperation.updateMetadata, including when a
/// schema or partitioning change is an error (and which option would allow it).
/// </summary>
public static class MetadataDecision
{
    /// <summary>Spark's ImplicitMetadataOperation.updateMetadata (see docs/delta.md).</summary>
    public static (Metadata Metadata, bool Changed) Decide(Snapshot? current, StructType data, List<string> partitionBy, WriteOptions options)
    {
        if (current is null)
        {
            return (new Metadata(
                Guid.NewGuid().ToString(),
                null,
                null,
                data.ToSchemaString(),
                partitionBy,
                new Dictionary<string, string?>(),
                DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                new JsonObject { ["provider"] = "parquet", ["options"] = new JsonObject() }), true);
        }
        var table = current.Metadata;
        var overwrite = options.Mode == WriteMode.Overwrite;
        var canOverwriteSchema = overwrite && options.OverwriteSchema;
        var merged = canOverwriteSchema ? data : SchemaMerge.Merge(table.Schema, data);
        var isNewSchema = !merged.SameAs(table.Schema);
        var isPartitioningChanged = !table.PartitionColumns.SequenceEqual(partitionBy, StringComparer.Ordinal);
        var isNewPartitioning = partitionBy.Count > 0 && isPartitioningChanged;
        if (canOverwriteSchema && (isNewSchema || isPartitioningChanged))
        {
            return (table with { SchemaString = data.ToSchemaString(), PartitionColumns = partitionBy }, true);
        }
        if (isNewSchema && options.MergeSchema && !isNewPartitioning)
        {
            return (table with { SchemaString = merged.ToSchemaString() }, true);
        }
        if (isNewSchema)
        {
            throw new DeltaException(DeltaErrorKind.Usage,
                "A schema mismatch detected when writing to the Delta table.\n"
                + $"Table schema: {SchemaMerge.Describe(table.Schema)}\nData schema: {SchemaMerge.Describe(data)}",
                overwrite
                    ? "to add the new columns set mergeSchema=\"true\"; to replace the schema set overwriteSchema=\"true\""
                    : "to add the new columns set mergeSchema=\"true\"");
        }
        if (isNewPartitioning)
        {
            throw new DeltaException(DeltaErrorKind.Usage,
                $"Partition columns do not match the partition columns of the table.\nGiven: [{string.Join(", ", partitionBy)}]\nTable: [{string.Join(", ", table.PartitionColumns)}]",
                overwrite ? "to change the partitioning save overwrite with overwriteSchema=\"true\"" : "append without partitionBy (the table's partitioning is used), or overwrite with overwriteSchema=\"true\"");
        }
        return (table, false);
    }
}
