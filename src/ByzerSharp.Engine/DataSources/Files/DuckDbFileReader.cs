namespace ByzerSharp.DataSources.Files;

/// <summary>Shared helpers for formats DuckDB reads itself (csv, parquet).</summary>
public static class DuckDbFileReader
{
    /// <summary>The files of a load path, honouring recursiveFileLookup and pathGlobFilter.</summary>
    public static IReadOnlyList<string> Expand(LoadContext context, string? defaultFilter = null) =>
        FileSet.Expand(context.Path, context.PathSpan, context.Options.GetBool("recursiveFileLookup", false), context.Options.Get("pathGlobFilter") ?? defaultFilter);

    /// <summary>Whether DuckDB should read k=v folders as columns (never with recursiveFileLookup, as in Spark).</summary>
    public static bool Hive(LoadContext context, IReadOnlyList<string> files) =>
        !context.Options.GetBool("recursiveFileLookup", false) && HivePartitions.InFolders(files, FileSet.BaseFolders(context.Path));

    /// <summary>Restores escaped partition values (see <see cref="HivePartitions"/>).</summary>
    public static string DecodePartitions(LoadContext context, string sql, IReadOnlyList<string> files) =>
        HivePartitions.Decode(context.Session, sql, files, FileSet.BaseFolders(context.Path), context.Statement.Span);
}
