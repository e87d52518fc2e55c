using System.Text.Json.Nodes;
using ByzerSharp.Delta.Log;
using ByzerSharp.Delta.Schema;

namespace ByzerSharp.Delta.Read;

/// <summary>
/// Partition pruning (from partitionValues) and data skipping (from per-file min/max/nullCount stats).
/// A file is kept unless its log entries prove that no row satisfies a filter; missing stats keep it.
/// </summary>
public static class FileSkipping
{
    public static IReadOnlyList<AddFile> Select(Snapshot snapshot, IReadOnlyList<ColumnFilter> filters)
    {
        if (filters.Count == 0)
        {
            return snapshot.Files;
        }
        var mode = snapshot.Metadata.ColumnMappingMode;
        var partitions = new HashSet<string>(snapshot.Metadata.PartitionColumns, StringComparer.OrdinalIgnoreCase);
        return snapshot.Files.Where(file => filters.All(f => MayMatch(snapshot.Schema, partitions, mode, file, f))).ToList();
    }

    private static bool MayMatch(StructType schema, HashSet<string> partitions, string mode, AddFile file, ColumnFilter filter)
    {
        var field = schema.Find(filter.Column);
        if (field is null)
        {
            return true;
        }
        var physical = field.PhysicalName(mode);
        if (partitions.Contains(field.Name))
        {
            var raw = file.PartitionValues.TryGetValue(physical, out var v) ? v : null;
            var isNull = string.IsNullOrEmpty(raw);
            if (filter.Op == FilterOp.IsNull)
            {
                return isNull;
            }
            if (isNull)
            {
                return false;
            }
            var value = PartitionValue.Comparable(raw, field.Type);
            var literal = PartitionValue.Comparable(filter.Value, field.Type);
            return value is null || literal is null || Holds(value.CompareTo(literal), filter.Op);
        }
        var stats = file.ParsedStats();
        if (stats is null)
        {
            return true;
        }
        if (filter.Op == FilterOp.IsNull)
        {
            return stats["nullCount"] is not JsonObject nc || Number(nc[physical]) is not { } n || n > 0;
        }
        var lit = PartitionValue.Comparable(filter.Value, field.Type);
        if (lit is null)
        {
            return true;
        }
        if (stats["numRecords"] is JsonNode nr && Number(nr) is { } records && stats["nullCount"] is JsonObject nulls && Number(nulls[physical]) is { } nullCount && nullCount == records && records > 0)
        {
            // Every value is null: no comparison can be true.
            return false;
        }
        var min = Text(stats["minValues"]?[physical]) is { } minText ? PartitionValue.Comparable(minText, field.Type) : null;
        var max = Text(stats["maxValues"]?[physical]) is { } maxText ? PartitionValue.Comparable(maxText, field.Type) : null;
        if (field.Type is PrimitiveType { Name: "string" } && max is not null)
        {
            // Writers may truncate string maxima; only trust them as a prefix bound.
            max = null;
        }
        return filter.Op switch
        {
            FilterOp.Equal => (min is null || min.CompareTo(lit) <= 0) && (max is null || max.CompareTo(lit) >= 0),
            FilterOp.Less => min is null || min.CompareTo(lit) < 0,
            FilterOp.LessOrEqual => min is null || min.CompareTo(lit) <= 0,
            FilterOp.Greater => max is null || max.CompareTo(lit) > 0,
            FilterOp.GreaterOrEqual => max is null || max.CompareTo(lit) >= 0,
            _ => true,
        };
    }

    private static bool Holds(int comparison, FilterOp op) => op switch
    {
        FilterOp.Equal => comparison == 0,
        FilterOp.Less => comparison < 0,
        FilterOp.LessOrEqual => comparison <= 0,
        FilterOp.Greater => comparison > 0,
        FilterOp.GreaterOrEqual => comparison >= 0,
        _ => true,
    };

    private static long? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };
}
