using ByzerSharp.DataSources.Files;
using ByzerSharp.Session;

namespace ByzerSharp.DataSources.Parquet;

/// <summary>Parquet files and folders of part files (k=v partition folders become columns).</summary>
public sealed class ParquetDataSource : IDataSource
{
    public string Name => "parquet";

    public string Executor => "duckdb";

    public bool CanLoad => true;

    public bool CanSave => true;

    public TableEntry Load(LoadContext context)
    {
        var (files, hive) = DuckDbFileReader.Files(context);
        return context.Define($"SELECT * FROM read_parquet({files}, hive_partitioning={DuckDb.Sql.Bool(hive)}, union_by_name=true)", TableKind.View, "load parquet");
    }

    public SaveSummary Save(SaveContext context)
    {
        var codec = context.Options.Get("compression") ?? context.Options.Get("codec") ?? "snappy";
        return DuckDbFileWriter.Write(context, codec.Equals("none", StringComparison.OrdinalIgnoreCase) || codec.Equals("uncompressed", StringComparison.OrdinalIgnoreCase)
            ? "parquet" : codec.ToLowerInvariant() + ".parquet",
            $"FORMAT parquet, COMPRESSION {DuckDb.Sql.Str(codec.ToLowerInvariant() == "none" ? "uncompressed" : codec.ToLowerInvariant())}");
    }
}
