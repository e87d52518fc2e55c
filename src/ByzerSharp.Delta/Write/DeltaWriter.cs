using System.Globalization;
using System.Text.Json.Nodes;
using ByzerSharp.Delta.Features;
using ByzerSharp.Delta.Log;
using ByzerSharp.Delta.Read;
using ByzerSharp.Delta.Schema;
using DuckDB.NET.Data;

namespace ByzerSharp.Delta.Write;

/// <summary>
/// Writes a DuckDB query into a Delta table the way Spark's WriteIntoDelta does: save modes, schema
/// merge/overwrite rules, partitioning, data files with exact stats, then one commit created exclusively.
/// Data files become visible only through the commit: a write that fails before it leaves the table at
/// its previous version (the orphan files are removed by VACUUM).
/// </summary>
public sealed class DeltaWriter(DuckDBConnection connection)
{
    private static readonly char[] InvalidNameChars = [' ', ',', ';', '{', '}', '(', ')', '\n', '\t', '='];

    /// <param name="sourceSql">A relation: a table name or a parenthesised query.</param>
    public WriteResult Write(string sourceSql, string path, WriteOptions options)
    {
        var table = DeltaTable.At(path);
        var current = table.Exists ? table.Snapshot() : null;
        if (current is not null)
        {
            switch (options.Mode)
            {
                case WriteMode.ErrorIfExists:
                    throw new DeltaException(DeltaErrorKind.Usage, $"path file:{table.Root} already exists.", "use save overwrite to replace the table or save append to add to it");
                case WriteMode.Ignore:
                    return new WriteResult(table.Root, current.Version, 0, 0, Ignored: true);
            }
            TableFeatures.CheckWrite(current);
            if (options.Mode == WriteMode.Overwrite && TableConfig.AppendOnly(current.Metadata))
            {
                throw new DeltaException(DeltaErrorKind.Usage, "this table is configured to only allow appends (delta.appendOnly=true)", "use save append, or change the table property");
            }
        }
        var data = DataSchema(sourceSql);
        if (options.BucketColumn is { } bucketColumn)
        {
            data = new StructType(data.Fields.Where(f => f.Name != bucketColumn).ToList());
        }
        var partitionBy = NormalizePartitionColumns(options.PartitionBy, data);
        var (metadata, newMetadata) = MetadataDecision.Decide(current, data, partitionBy, options);
        var protocol = current is null ? Protocol.Default : null;
        CheckNotNull(sourceSql, data, metadata);
        Directory.CreateDirectory(table.Root);

        var writeId = Guid.NewGuid();
        var adds = WriteFiles(sourceSql, table.Root, data, metadata, options, writeId);
        options.OnStage?.Invoke("files-written");

        var now = DateTimeOffset.UtcNow;
        var actions = new List<JsonObject>();
        if (protocol is not null)
        {
            actions.Add(new JsonObject { ["protocol"] = protocol.ToJson() });
        }
        if (newMetadata)
        {
            actions.Add(new JsonObject { ["metaData"] = metadata.ToJson() });
        }
        if (options.Mode == WriteMode.Overwrite && current is not null)
        {
            actions.AddRange(current.Files.Select(f => new JsonObject { ["remove"] = RemoveFile.For(f, now.ToUnixTimeMilliseconds()) }));
        }
        actions.AddRange(adds.Select(a => new JsonObject { ["add"] = a.Add }));
        var rows = adds.Sum(a => a.Rows);
        var info = CommitInfo(options, current, partitionBy, metadata, adds, rows, now);
        var version = CommitProtocol.Commit(table, current, options, info, actions);
        options.OnStage?.Invoke("committed");
        MaybeCheckpoint(table, metadata, version, now);
        return new WriteResult(table.Root, version, rows, adds.Count, Ignored: false);
    }

    private StructType DataSchema(string sourceSql)
    {
        var fields = new List<StructField>();
        using var command = connection.CreateCommand();
        command.CommandText = "DESCRIBE SELECT * FROM " + sourceSql;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var name = reader.GetString(0);
                var duck = reader.GetString(1);
                if (duck == "\"NULL\"" || duck == "NULL")
                {
                    throw new DeltaException(DeltaErrorKind.Usage, $"the column {name} has no type (it is always NULL)", $"cast it, e.g. CAST(NULL AS STRING) AS {name}");
                }
                var type = DuckTypes.FromDuck(duck)
                    ?? throw new DeltaException(DeltaErrorKind.Usage, $"the column {name} has the type {duck}, which Delta cannot store", "cast it to a Spark type (string, bigint, double, timestamp, …)");
                fields.Add(StructField.Of(name, type));
            }
        }
        if (fields.Count == 0)
        {
            throw new DeltaException(DeltaErrorKind.Usage, "cannot write a table with no columns to Delta", null);
        }
        var duplicates = fields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new DeltaException(DeltaErrorKind.Usage, $"Found duplicate column(s) in the data to save: {string.Join(", ", duplicates)}", "rename the columns so that they differ ignoring case");
        }
        foreach (var f in fields)
        {
            if (f.Name.IndexOfAny(InvalidNameChars) >= 0)
            {
                throw new DeltaException(DeltaErrorKind.Usage, $"Found invalid character(s) among ' ,;{{}}()\\n\\t=' in the column name '{f.Name}'", "rename the column (Delta without column mapping forbids these characters)");
            }
        }
        return (StructType)new StructType(fields).AsNullable();
    }

    private static List<string> NormalizePartitionColumns(IReadOnlyList<string> partitionBy, StructType data)
    {
        var result = new List<string>();
        foreach (var p in partitionBy)
        {
            var field = data.Find(p) ?? throw new DeltaException(DeltaErrorKind.Usage,
                $"Partition column `{p}` not found in schema {SchemaMerge.Describe(data)}", "partition by columns of the table being saved");
            if (field.Type is not PrimitiveType || field.Type is PrimitiveType { Name: "binary" })
            {
                throw new DeltaException(DeltaErrorKind.Usage, $"Cannot use {SchemaMerge.Describe(field.Type)} for partition column {field.Name}", "partition by a column of a simple type (string, number, date, timestamp, boolean)");
            }
            if (result.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
            {
                throw new DeltaException(DeltaErrorKind.Usage, $"the partition column {field.Name} is given twice", null);
            }
            result.Add(field.Name);
        }
        if (result.Count > 0 && result.Count == data.Fields.Count)
        {
            throw new DeltaException(DeltaErrorKind.Usage, "Cannot use all columns for partition columns", "keep at least one data column");
        }
        return result;
    }

    private void CheckNotNull(string sourceSql, StructType data, Metadata metadata)
    {
        foreach (var field in metadata.Schema.Fields.Where(f => !f.Nullable))
        {
            var incoming = data.Find(field.Name)
                ?? throw new DeltaException(DeltaErrorKind.Usage, $"the NOT NULL column {field.Name} is missing from the data", "add the column to the table being saved");
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {sourceSql} WHERE {Sql.Ident(incoming.Name)} IS NULL";
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
            {
                throw new DeltaException(DeltaErrorKind.Usage, $"NOT NULL constraint violated for column: {field.Name}", "filter out or replace the null values");
            }
        }
    }

    private sealed record WrittenFile(JsonObject Add, long Rows, long Size);

    private List<WrittenFile> WriteFiles(string sourceSql, string root, StructType data, Metadata metadata, WriteOptions options, Guid writeId)
    {
        var schema = metadata.Schema;
        var partitions = metadata.PartitionColumns.Select(p => schema.Find(p)!).ToList();
        var dataFields = schema.Fields.Where(f => !metadata.PartitionColumns.Contains(f.Name, StringComparer.OrdinalIgnoreCase) && data.Find(f.Name) is not null).ToList();
        var projection = string.Join(", ", dataFields.Select(f => Cast(Sql.Ident(data.Find(f.Name)!.Name), data.Find(f.Name)!.Type, f.Type) + " AS " + Sql.Ident(f.Name)));
        var statsColumns = dataFields.Take(TableConfig.IndexedColumns(metadata)).Select(f => StructField.Of(f.Name, f.Type)).ToList();
        var files = Math.Max(1, options.FileCount ?? 1);
        var written = new List<WrittenFile>();
        var index = 0;
        if (partitions.Count == 0 && files == 1)
        {
            var file = WriteOne($"SELECT {projection} FROM {sourceSql}", root, "", [], statsColumns, writeId, index);
            if (file is not null)
            {
                written.Add(file);
            }
            return written;
        }
        // Materialise once with the partition text and a round-robin file bucket, then write each slice.
        var staged = "__delta_write_" + writeId.ToString("N");
        var partText = partitions.Select((p, i) => PartitionValue.ToText(Sql.Ident(data.Find(p.Name)!.Name), p.Type) + $" AS __p{i}");
        var extra = string.Join("", partText.Select(t => ", " + t));
        // Buckets count within each partition, so fileNum gives up to that many files per partition (Spark's repartition(n)).
        var window = partitions.Count == 0 ? "" : "PARTITION BY " + string.Join(", ", partitions.Select((_, i) => $"__p{i}"));
        var bucketOf = options.BucketColumn is { } given ? $"{Sql.Ident(given)} % {files}" : $"(row_number() OVER ({window}) - 1) % {files}";
        var carried = options.BucketColumn is { } column ? ", " + Sql.Ident(column) : "";
        Execute($"CREATE TEMP TABLE {Sql.Ident(staged)} AS SELECT *, {bucketOf} AS __bucket FROM (SELECT {projection}{extra}{carried} FROM {sourceSql})");
        try
        {
            var groups = new List<string?[]>();
            if (partitions.Count > 0)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT DISTINCT {string.Join(", ", partitions.Select((_, i) => $"__p{i}"))} FROM {Sql.Ident(staged)} ORDER BY ALL";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    groups.Add(Enumerable.Range(0, partitions.Count).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToArray());
                }
            }
            else
            {
                groups.Add([]);
            }
            var columns = string.Join(", ", dataFields.Select(f => Sql.Ident(f.Name)));
            foreach (var group in groups)
            {
                var where = string.Join(" AND ", group.Select((v, i) => v is null ? $"__p{i} IS NULL" : $"__p{i} = {Sql.Str(v)}"));
                var values = partitions.Select((p, i) => (p.Name, group[i])).ToList();
                var folder = FileNaming.PartitionFolder(values);
                for (var bucket = 0; bucket < files; bucket++)
                {
                    var filter = (where.Length > 0 ? where + " AND " : "") + $"__bucket = {bucket}";
                    var file = WriteOne($"SELECT {columns} FROM {Sql.Ident(staged)} WHERE {filter}", root, folder, values, statsColumns, writeId, index);
                    if (file is not null)
                    {
                        written.Add(file);
                        index++;
                    }
                }
            }
        }
        finally
        {
            Execute($"DROP TABLE IF EXISTS {Sql.Ident(staged)}");
        }
        return written;
    }

    private WrittenFile? WriteOne(string query, string root, string folder, IReadOnlyList<(string Column, string? Value)> partitionValues, IReadOnlyList<StructField> statsColumns, Guid writeId, int index)
    {
        var relative = folder.Length == 0 ? FileNaming.PartFile(index, writeId) : folder + "/" + FileNaming.PartFile(index, writeId);
        var absolute = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(absolute)!);
        Execute($"COPY ({query}) TO {Sql.Str(absolute)} (FORMAT parquet, COMPRESSION snappy)");
        var (stats, rows) = FileStats.Compute(connection, absolute, statsColumns);
        if (rows == 0)
        {
            File.Delete(absolute);
            return null;
        }
        var info = new FileInfo(absolute);
        var add = new JsonObject
        {
            ["path"] = LogPaths.Encode(relative),
            ["partitionValues"] = Json.MapNode(partitionValues.ToDictionary(p => p.Column, p => p.Value)),
            ["size"] = info.Length,
            ["modificationTime"] = new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeMilliseconds(),
            ["dataChange"] = true,
            ["stats"] = stats,
        };
        return new WrittenFile(add, rows, info.Length);
    }

    /// <summary>Casts data to the table's type; Delta timestamps are instants, written UTC-adjusted (TIMESTAMPTZ).</summary>
    private static string Cast(string column, DeltaType from, DeltaType to)
    {
        if (to is PrimitiveType { Name: "timestamp" })
        {
            return $"CAST({column} AS TIMESTAMPTZ)";
        }
        if (to is PrimitiveType && !from.SameAs(to))
        {
            return $"CAST({column} AS {DuckTypes.ToDuck(to)})";
        }
        return column;
    }

    private static JsonObject CommitInfo(WriteOptions options, Snapshot? current, List<string> partitionBy, Metadata metadata, List<WrittenFile> adds, long rows, DateTimeOffset now)
    {
        var parameters = new JsonObject
        {
            ["mode"] = options.Mode.ToString(),
            ["partitionBy"] = new JsonArray((partitionBy.Count > 0 ? partitionBy : metadata.PartitionColumns).Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()).ToJsonString(),
        };
        var info = new JsonObject
        {
            ["timestamp"] = now.ToUnixTimeMilliseconds(),
            ["operation"] = current is null && options.Mode != WriteMode.Append ? "CREATE TABLE AS SELECT" : "WRITE",
            ["operationParameters"] = parameters,
        };
        if (current is not null)
        {
            info["readVersion"] = current.Version;
        }
        info["isolationLevel"] = "Serializable";
        info["isBlindAppend"] = options.Mode == WriteMode.Append || current is null;
        info["operationMetrics"] = new JsonObject
        {
            ["numFiles"] = adds.Count.ToString(CultureInfo.InvariantCulture),
            ["numOutputRows"] = rows.ToString(CultureInfo.InvariantCulture),
            ["numOutputBytes"] = adds.Sum(a => a.Size).ToString(CultureInfo.InvariantCulture),
        };
        if (options.UserMetadata is not null)
        {
            info["userMetadata"] = options.UserMetadata;
        }
        info["engineInfo"] = options.EngineInfo;
        info["txnId"] = Guid.NewGuid().ToString();
        return info;
    }

    private static void MaybeCheckpoint(DeltaTable table, Metadata metadata, long version, DateTimeOffset now)
    {
        if (version == 0 || version % TableConfig.CheckpointInterval(metadata) != 0)
        {
            return;
        }
        try
        {
            CheckpointWriter.Write(table.Snapshot(version), now);
        }
        catch (Exception e) when (e is IOException or DuckDBException or DeltaException)
        {
            // A checkpoint is an optimisation: the commit is done, and readers replay the JSON commits instead.
        }
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
