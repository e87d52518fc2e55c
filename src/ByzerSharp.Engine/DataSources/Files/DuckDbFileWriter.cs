using ByzerSharp.DuckDb;
using ByzerSharp.Session;
using ByzerSharp.Text;

namespace ByzerSharp.DataSources.Files;

/// <summary>Writes the rows of <paramref name="query"/> into one file.</summary>
public delegate void PartWriter(string query, string file);

/// <summary>
/// Writes a table as Spark does: a folder of part files (one per partition, or fileNum), with
/// partitionBy giving hive-style k=v sub-folders named with Spark's escaping.
/// </summary>
public static class DuckDbFileWriter
{
    /// <param name="copyOptions">DuckDB COPY options, e.g. "FORMAT parquet".</param>
    public static SaveSummary Write(SaveContext context, string extension, string copyOptions) =>
        Write(context, extension, (query, file) =>
            context.Session.Database.Execute($"COPY ({query}) TO {Sql.Str(file)} ({copyOptions})", context.Statement.Span));

    public static SaveSummary Write(SaveContext context, string extension, PartWriter writePart)
    {
        var session = context.Session;
        var span = context.Statement.Span;
        var source = Catalog.From(context.Table);
        var partitionBy = PartitionColumns(context);
        var files = context.FileCount();
        var output = OutputDirectory.Begin(context.Path, context.Mode, context.PathSpan);
        if (output is null)
        {
            return new SaveSummary(Path.GetFullPath(context.Path), 0, 0);
        }
        try
        {
            var rows = Convert.ToInt64(session.Database.Scalar("SELECT count(*) FROM " + source, span), System.Globalization.CultureInfo.InvariantCulture);
            var written = 0;
            if (files <= 1 || rows <= 1)
            {
                written += WriteBucket(context, "SELECT * FROM " + source, output, 0, extension, partitionBy, writePart);
            }
            else
            {
                // One file per non-empty partition, as Spark writes them: fileNum is a round-robin
                // repartition(n); otherwise the table's own partitioning (TableRepartition) applies.
                var partitioning = context.Options.Has("fileNum") ? TablePartitioning.RoundRobin : PartitionPlan.PartitioningOf(context.Table);
                var bucketed = "byzer_bucket_" + Guid.NewGuid().ToString("N")[..8];
                var bucket = PartitionPlan.PartitionColumn;
                session.Database.Execute($"CREATE TEMP TABLE {bucketed} AS {PartitionPlan.AssignSql(context.Table, files, partitioning)}", span);
                try
                {
                    var buckets = session.Database.Query($"SELECT DISTINCT {bucket} FROM {bucketed} ORDER BY 1", span: span).Rows;
                    foreach (var i in buckets.Select(b => Convert.ToInt32(b[0], System.Globalization.CultureInfo.InvariantCulture)))
                    {
                        written += WriteBucket(context, $"SELECT * EXCLUDE ({bucket}) FROM {bucketed} WHERE {bucket} = {i}", output, i, extension, partitionBy, writePart);
                    }
                }
                finally
                {
                    session.Database.Execute("DROP TABLE IF EXISTS " + bucketed);
                }
            }
            output.Commit();
            return new SaveSummary(output.Target, rows, written);
        }
        catch
        {
            output.Abort();
            throw;
        }
    }

    /// <summary>The partitionBy columns as the table spells them; an unknown one is an error at its name.</summary>
    public static IReadOnlyList<string> PartitionColumns(SaveContext context)
    {
        if (context.PartitionBy.Count == 0)
        {
            return [];
        }
        var columns = context.Session.Database.Describe(Catalog.From(context.Table), context.Statement.Span);
        var result = new List<string>();
        foreach (var p in context.Statement.PartitionBy)
        {
            var column = columns.FirstOrDefault(c => string.Equals(c.Name, p.Text, StringComparison.OrdinalIgnoreCase))
                ?? throw Diagnostics.ByzerException.Semantic($"partition column {p.Text} is not a column of {context.Table.Name}", p.Span,
                    "columns: " + string.Join(", ", columns.Select(c => c.Name)));
            result.Add(column.Name);
        }
        if (result.Count == columns.Count)
        {
            throw Diagnostics.ByzerException.Semantic("Cannot use all columns for partition columns", context.Statement.PartitionBy[0].Span,
                "keep at least one column out of partitionBy");
        }
        return result;
    }

    private static int WriteBucket(SaveContext context, string query, OutputDirectory output, int index, string extension, IReadOnlyList<string> partitionBy, PartWriter writePart)
    {
        if (partitionBy.Count == 0)
        {
            writePart(query, output.PartFile(index, extension));
            return 1;
        }
        var keys = string.Join(", ", partitionBy.Select(p => $"CAST({Sql.Ident(p)} AS VARCHAR)"));
        var tuples = context.Session.Database.Query($"SELECT DISTINCT {keys} FROM ({query}) ORDER BY ALL", span: context.Statement.Span).Rows;
        foreach (var tuple in tuples)
        {
            var folder = string.Join("/", partitionBy.Select((p, i) => PartitionPath.Folder(p, (string?)tuple[i])));
            var where = string.Join(" AND ", partitionBy.Select((p, i) =>
                $"CAST({Sql.Ident(p)} AS VARCHAR) IS NOT DISTINCT FROM {(tuple[i] is string s ? Sql.Str(s) : "NULL")}"));
            writePart($"SELECT * EXCLUDE ({Sql.IdentList(partitionBy)}) FROM ({query}) WHERE {where}", output.PartFile(index, extension, folder));
        }
        return tuples.Count;
    }
}
