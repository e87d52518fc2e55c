using ByzerSharp.Delta.Features;
using ByzerSharp.Delta.Log;
using ByzerSharp.Delta.Schema;
using DuckDB.NET.Data;

namespace ByzerSharp.Delta.Read;

/// <summary>
/// Turns a snapshot into one DuckDB query: read_parquet over the live files (never hive_partitioning:
/// partition folders may lie), data columns cast to the schema types, partition values injected from
/// the log as typed columns, columns in schema order under their logical names.
/// </summary>
public static class DeltaScan
{
    private const string FileColumn = "__delta_source_file__";

    /// <summary>The SQL that reads the snapshot; checks the reader features first.</summary>
    /// <param name="connection">Used to look at the files' physical schemas (footers only).</param>
    public static string Sql(Snapshot snapshot, DuckDBConnection connection, IReadOnlyList<ColumnFilter>? filters = null)
    {
        TableFeatures.CheckRead(snapshot);
        var schema = snapshot.Schema;
        var mode = snapshot.Metadata.ColumnMappingMode;
        var partitionColumns = new HashSet<string>(snapshot.Metadata.PartitionColumns, StringComparer.OrdinalIgnoreCase);
        var files = FileSkipping.Select(snapshot, filters ?? []);
        if (files.Count == 0)
        {
            return "SELECT " + string.Join(", ", schema.Fields.Select(f => $"CAST(NULL AS {DuckTypes.ToDuck(f.Type)}) AS {Delta.Sql.Ident(f.Name)}")) + " WHERE false";
        }
        var paths = files.Select(snapshot.FileOf).ToList();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new DeltaException(DeltaErrorKind.NotFound, $"the data file {path} of version {snapshot.Version} is missing", "the file was deleted outside Delta (or vacuumed); the table cannot be read at this version");
            }
        }
        var fileList = Delta.Sql.StrList(paths);
        var partitioned = schema.Fields.Any(f => partitionColumns.Contains(f.Name));
        var source = $"read_parquet({fileList}, hive_partitioning=false, union_by_name=true{(partitioned ? ", filename=" + Delta.Sql.Str(FileColumn) : "")})";
        var physical = PhysicalColumns(connection, source);
        var select = new List<string>();
        foreach (var field in schema.Fields)
        {
            var name = Delta.Sql.Ident(field.Name);
            if (partitionColumns.Contains(field.Name))
            {
                select.Add($"pv.{name} AS {name}");
                continue;
            }
            var phys = field.PhysicalName(mode);
            var duck = DuckTypes.ToDuck(field.Type);
            if (!physical.TryGetValue(phys, out var actual))
            {
                select.Add($"CAST(NULL AS {duck}) AS {name}");
                continue;
            }
            var column = "d." + Delta.Sql.Ident(actual.Name);
            select.Add((mode != "none" && NestedMapping.HasStruct(field.Type) ? NestedMapping.Rename(column, field.Type, mode, 0) : Convert(column, actual.Type, field.Type, duck)) + " AS " + name);
        }
        var sql = "SELECT " + string.Join(", ", select) + " FROM " + source + " AS d";
        if (partitioned)
        {
            var partFields = schema.Fields.Where(f => partitionColumns.Contains(f.Name)).ToList();
            var rows = files.Select((f, i) => "(" + Delta.Sql.Str(paths[i]) + ", " + string.Join(", ", partFields.Select(p =>
                PartitionValue.ToSql(f.PartitionValues.TryGetValue(p.PhysicalName(mode), out var v) ? v : null, p.Type))) + ")");
            sql += $" JOIN (VALUES {string.Join(", ", rows)}) AS pv({Delta.Sql.Ident(FileColumn)}, {string.Join(", ", partFields.Select(p => Delta.Sql.Ident(p.Name)))})"
                + $" ON d.{Delta.Sql.Ident(FileColumn)} = pv.{Delta.Sql.Ident(FileColumn)}";
        }
        return sql;
    }

    /// <summary>Column name → (name as in the files, DuckDB type), matched case-insensitively like Spark.</summary>
    private static Dictionary<string, (string Name, string Type)> PhysicalColumns(DuckDBConnection connection, string source)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        using var command = connection.CreateCommand();
        command.CommandText = "DESCRIBE SELECT * FROM " + source;
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var name = reader.GetString(0);
                if (name != FileColumn)
                {
                    result.TryAdd(name, (name, reader.GetString(1)));
                }
            }
        }
        catch (DuckDBException e)
        {
            throw new DeltaException(DeltaErrorKind.Corrupt, "the table's data files cannot be read: " + e.Message.Split('\n')[0], null, e);
        }
        return result;
    }

    private static string Convert(string column, string physicalType, DeltaType type, string duck)
    {
        if (type is not PrimitiveType)
        {
            // Nested values are taken as stored: DuckDB struct casts would reorder or drop fields.
            return column;
        }
        if (type is PrimitiveType { Name: "timestamp" } && physicalType.StartsWith("TIMESTAMP", StringComparison.Ordinal) && !physicalType.Contains("TIME ZONE", StringComparison.Ordinal))
        {
            // INT96 and non-adjusted timestamps hold UTC wall time: interpret them as UTC, not in the session zone.
            return $"timezone('UTC', CAST({column} AS TIMESTAMP))";
        }
        return string.Equals(physicalType, duck, StringComparison.OrdinalIgnoreCase) ? column : $"CAST({column} AS {duck})";
    }
}
