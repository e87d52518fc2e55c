using ByzerSharp.DuckDb;

namespace ByzerSharp.DataSources.Files;

/// <summary>Shared helpers for formats DuckDB reads itself (csv, json, parquet).</summary>
public static class DuckDbFileReader
{
    /// <summary>The files of a load path as a DuckDB list literal, with hive partitioning when the files sit in k=v folders.</summary>
    public static (string FileList, bool Hive) Files(LoadContext context, string? defaultFilter = null)
    {
        var recursive = context.Options.GetBool("recursiveFileLookup", false);
        var filter = context.Options.Get("pathGlobFilter") ?? defaultFilter;
        var files = FileSet.Expand(context.Path, context.PathSpan, recursive, filter);
        var hive = !recursive && files.Any(f => Path.GetDirectoryName(f)?.Split('/').Any(d => d.Contains('=', StringComparison.Ordinal)) == true);
        return (Sql.StrList(files), hive);
    }
}
