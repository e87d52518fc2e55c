using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.DataSources.Files;

/// <summary>
/// Writes a table as Spark does: a folder of part files (one per partition, or fileNum), with
/// partitionBy giving hive-style k=v sub-folders, all through DuckDB's COPY.
/// </summary>
public static class DuckDbFileWriter
{
    /// <param name="copyOptions">DuckDB COPY options without PARTITION_BY, e.g. "FORMAT parquet".</param>
    public static SaveSummary Write(SaveContext context, string extension, string copyOptions)
    {
        var session = context.Session;
        var span = context.Statement.Span;
        var columns = session.Database.Describe(Catalog.From(context.Table), span);
        foreach (var p in context.PartitionBy)
        {
            if (!columns.Any(c => string.Equals(c.Name, p, StringComparison.OrdinalIgnoreCase)))
            {
                var at = context.Statement.PartitionBy.First(x => x.Text == p).Span;
                throw Diagnostics.ByzerException.Semantic($"partition column {p} is not a column of {context.Table.Name}", at,
                    "columns: " + string.Join(", ", columns.Select(c => c.Name)));
            }
        }
        var output = OutputDirectory.Begin(context.Path, context.Mode, context.PathSpan);
        if (output is null)
        {
            return new SaveSummary(Path.GetFullPath(context.Path), 0, 0);
        }
        try
        {
            var source = Catalog.From(context.Table);
            var rows = Convert.ToInt64(session.Database.Scalar("SELECT count(*) FROM " + source, span), System.Globalization.CultureInfo.InvariantCulture);
            var files = context.FileCount();
            var written = 0;
            if (files <= 1 || rows <= 1)
            {
                written += Copy(session, "SELECT * FROM " + source, output, 0, extension, copyOptions, context.PartitionBy, span);
            }
            else
            {
                // Round-robin rows over the files, as Spark's repartition(n) spreads them.
                var bucketed = "byzer_bucket_" + Guid.NewGuid().ToString("N")[..8];
                session.Database.Execute($"CREATE TEMP TABLE {bucketed} AS SELECT *, (row_number() OVER () - 1) % {files} AS __byzer_bucket FROM {source}", span);
                try
                {
                    for (var i = 0; i < Math.Min(files, rows); i++)
                    {
                        written += Copy(session, $"SELECT * EXCLUDE (__byzer_bucket) FROM {bucketed} WHERE __byzer_bucket = {i}", output, i, extension, copyOptions, context.PartitionBy, span);
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

    private static int Copy(ByzerSession session, string query, OutputDirectory output, int index, string extension, string copyOptions, IReadOnlyList<string> partitionBy, Text.SourceSpan span)
    {
        if (partitionBy.Count == 0)
        {
            session.Database.Execute($"COPY ({query}) TO {Sql.Str(output.PartFile(index, extension))} ({copyOptions})", span);
            return 1;
        }
        var pattern = $"part-{index:00000}-{output.JobId}-c000-{{i}}";
        var before = CountFiles(output.Staging);
        session.Database.Execute(
            $"COPY ({query}) TO {Sql.Str(output.Staging)} ({copyOptions}, PARTITION_BY ({Sql.IdentList(partitionBy)}), FILENAME_PATTERN {Sql.Str(pattern)}, FILE_EXTENSION {Sql.Str(extension)}, OVERWRITE_OR_IGNORE true)",
            span);
        return CountFiles(output.Staging) - before;
    }

    private static int CountFiles(string folder) => Directory.EnumerateFiles(folder, "part-*", SearchOption.AllDirectories).Count();
}
