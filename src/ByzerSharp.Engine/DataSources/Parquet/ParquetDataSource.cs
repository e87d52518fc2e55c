using ByzerSharp.DataSources.Files;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.DataSources.Parquet;

/// <summary>
/// Parquet files, folders of part files and globs; k=v partition folders become columns.
/// Saves write part files with compression (snappy, as Spark; none/uncompressed, gzip, zstd, …).
/// </summary>
public sealed class ParquetDataSource : IDataSource
{
    private static readonly string[] Codecs = ["snappy", "none", "uncompressed", "gzip", "zstd", "lz4", "brotli"];

    public string Name => "parquet";

    public string Executor => "duckdb";

    public bool CanLoad => true;

    public bool CanSave => true;

    public TableEntry Load(LoadContext context)
    {
        var files = DuckDbFileReader.Expand(context);
        var hive = DuckDbFileReader.Hive(context, files);
        var sql = $"SELECT * FROM read_parquet({Sql.StrList(files)}, hive_partitioning={Sql.Bool(hive)}, union_by_name=true)";
        return context.Define(DuckDbFileReader.DecodePartitions(context, sql, files), TableKind.View, "load parquet");
    }

    public SaveSummary Save(SaveContext context)
    {
        var key = context.Options.Has("compression") ? "compression" : "codec";
        var codec = context.Options.GetChoice(key, "snappy", Codecs);
        var duckCodec = codec is "none" ? "uncompressed" : codec;
        var extension = duckCodec == "uncompressed" ? "parquet" : codec + ".parquet";
        return DuckDbFileWriter.Write(context, extension, $"FORMAT parquet, COMPRESSION {Sql.Str(duckCodec)}");
    }
}
