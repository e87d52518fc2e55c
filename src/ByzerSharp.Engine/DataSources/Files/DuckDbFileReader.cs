using ByzerSharp.DuckDb;

namespace ByzerSharp.DataSources.Files;

/// <summary>Shared helpers for formats DuckDB reads itself (csv, parquet).</summary>
public static class DuckDbFileReader
{
    /// <summary>The files of a load path, honouring recursiveFileLookup and pathGlobFilter.</summary>
    public static IReadOnlyList<string> Expand(LoadContext context, string? defaultFilter = null) =>
        FileSet.Expand(context.Path, context.PathSpan, context.Options.GetBool("recursiveFileLookup", false), context.Options.Get("pathGlobFilter") ?? defaultFilter);

    /// <summary>The files of a load path as a DuckDB list literal, with hive partitioning when the files sit in k=v folders.</summary>
    public static (string FileList, bool Hive) Files(LoadContext context, string? defaultFilter = null)
    {
        var files = Expand(context, defaultFilter);
        var hive = !context.Options.GetBool("recursiveFileLookup", false) && HivePartitions.InFolders(files);
        return (Sql.StrList(files), hive);
    }
}
