using System.Globalization;
using ByzerSharp.DataSources;
using ByzerSharp.Delta.Read;
using ByzerSharp.Delta.Write;
using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;

namespace ByzerSharp.Delta.Byzer;

/// <summary>
/// <c>load delta.`db.table` [where versionAsOf|timestampAsOf|startingVersion+endingVersion|mode]</c> and
/// <c>save mode t as delta.`db.table` [where mergeSchema|overwriteSchema|fileNum|partitionByCol] [partitionBy …]</c>.
/// </summary>
public sealed class DeltaDataSource : IDataSource
{
    public string Name => "delta";

    public string Executor => "delta";

    public bool CanLoad => true;

    public bool CanSave => true;

    public TableEntry Load(LoadContext context)
    {
        var options = context.Options;
        var path = DeltaLocation.Resolve(context.Session, context.RawPath, options, context.PathSpan, () => context.Path, saving: false);
        var connection = context.Session.Database.Connection;
        var sql = DeltaErrors.Guard(context.PathSpan, () =>
        {
            var table = DeltaTable.Open(path);
            if (options.Has("startingVersion") || options.Has("endingVersion"))
            {
                return VersionRange(table, options, connection);
            }
            var version = SelectedVersion(table, options);
            return DeltaScan.Sql(table.Snapshot(version), connection);
        });
        return context.Define(sql, TableKind.View, "load delta");
    }

    private static long? SelectedVersion(DeltaTable table, OptionValues options)
    {
        if (options.Has("versionAsOf") && options.Has("timestampAsOf"))
        {
            throw ByzerException.Semantic("Cannot specify both versionAsOf and timestampAsOf", options.SpanOf("timestampAsOf"), "keep one of them");
        }
        if (options.Get("versionAsOf") is { } v)
        {
            return Version(options, "versionAsOf", v);
        }
        if (options.Get("timestampAsOf") is { } ts)
        {
            if (!DateTimeOffset.TryParse(ts.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            {
                throw options.Invalid("timestampAsOf", ts, "a timestamp such as 2024-01-31 12:00:00 or 2024-01-31");
            }
            try
            {
                return table.VersionAsOf(when);
            }
            catch (DeltaException e)
            {
                throw DeltaErrors.ToByzer(e, options.SpanOf("timestampAsOf"));
            }
        }
        return null;
    }

    /// <summary>Byzer's startingVersion/endingVersion: the snapshots of versions [start, end) stacked, with __delta_version__.</summary>
    private static string VersionRange(DeltaTable table, OptionValues options, DuckDB.NET.Data.DuckDBConnection connection)
    {
        var startText = options.Require("startingVersion", "startingVersion and endingVersion must be given together");
        var endText = options.Require("endingVersion", "startingVersion and endingVersion must be given together");
        var start = Version(options, "startingVersion", startText);
        var end = Version(options, "endingVersion", endText);
        if (end <= start)
        {
            throw ByzerException.Semantic($"endingVersion ({end}) must be greater than startingVersion ({start}): the range [start, end) is empty", options.SpanOf("endingVersion"), null);
        }
        var parts = new List<string>();
        for (var v = start; v < end; v++)
        {
            var snapshot = table.Snapshot(v);
            parts.Add($"SELECT *, CAST({v.ToString(CultureInfo.InvariantCulture)} AS BIGINT) AS __delta_version__ FROM ({DeltaScan.Sql(snapshot, connection)})");
        }
        return string.Join(" UNION ALL BY NAME ", parts);
    }

    private static long Version(OptionValues options, string key, string text) =>
        long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw options.Invalid(key, text, "a version number ≥ 0");

    public SaveSummary Save(SaveContext context)
    {
        var options = context.Options;
        if (options.Has("idCols"))
        {
            throw ByzerException.Semantic("upsert into Delta (idCols) is not supported by ByzerSharp", options.SpanOf("idCols"), "save append or overwrite instead");
        }
        foreach (var unsupported in new[] { "replaceWhere", "partitionOverwriteMode", "txnAppId", "txnVersion" })
        {
            if (options.Has(unsupported))
            {
                throw ByzerException.Semantic($"the Delta write option {unsupported} is not supported by ByzerSharp", options.SpanOf(unsupported), "see docs/delta.md for the supported options");
            }
        }
        var path = DeltaLocation.Resolve(context.Session, context.RawPath, options, context.PathSpan, () => context.Path, saving: true);
        var partitionBy = context.PartitionBy.ToList();
        if (options.Get("partitionByCol") is { Length: > 0 } cols)
        {
            partitionBy.AddRange(cols.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        var request = new WriteOptions
        {
            Mode = context.Mode switch
            {
                SaveMode.Append => WriteMode.Append,
                SaveMode.Overwrite => WriteMode.Overwrite,
                SaveMode.Ignore => WriteMode.Ignore,
                _ => WriteMode.ErrorIfExists,
            },
            PartitionBy = partitionBy,
            MergeSchema = options.GetBool("mergeSchema", false)
                || (context.Session.Settings.TryGetValue("spark.databricks.delta.schema.autoMerge.enabled", out var auto) && auto.Equals("true", StringComparison.OrdinalIgnoreCase)),
            OverwriteSchema = options.GetBool("overwriteSchema", false),
            FileCount = options.GetInt("fileNum", min: 1) ?? context.Table.PartitionCount,
            UserMetadata = options.Get("userMetadata"),
        };
        var source = Session.Catalog.From(context.Table);
        string? bucketed = null;
        if (!options.Has("fileNum") && context.Table.PartitionCount is > 1 and var count
            && PartitionPlan.PartitioningOf(context.Table).Kind != PartitionKind.RoundRobin)
        {
            // The table's own partitioning (TableRepartition, or a select that kept it) decides which rows
            // share a file, as Spark writes a file per partition; fileNum is a round-robin repartition(n).
            // Round-robin needs no staging copy: the writer deals the rows in the table's order itself.
            bucketed = "byzer_delta_bucket_" + Guid.NewGuid().ToString("N")[..8];
            context.Session.Database.Execute(
                $"CREATE TEMP TABLE {bucketed} AS {PartitionPlan.AssignSql(context.Table, count, PartitionPlan.PartitioningOf(context.Table))}",
                context.Statement.Span);
            source = bucketed;
            request = request with { BucketColumn = PartitionPlan.PartitionColumn };
        }
        try
        {
            var result = DeltaErrors.Guard(context.PathSpan, () => new DeltaWriter(context.Session.Database.Connection).Write(source, path, request));
            return new SaveSummary(result.Path, result.Rows, result.Files);
        }
        finally
        {
            if (bucketed is not null)
            {
                context.Session.Database.Execute("DROP TABLE IF EXISTS " + bucketed);
            }
        }
    }
}
