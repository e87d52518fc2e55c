using ByzerSharp.Delta.Read;
using ByzerSharp.Delta.Write;

namespace ByzerSharp.Delta.Tests;

/// <summary>A temp folder, a DuckDB connection and shortcuts to write and read Delta tables.</summary>
internal sealed class TableFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public Duck Duck { get; } = new();

    public string Root => _dir.Path;

    public string Path(string name = "t") => _dir.Sub(name);

    public WriteResult Write(string sql, WriteMode mode = WriteMode.Append, string table = "t", IReadOnlyList<string>? partitionBy = null,
        bool mergeSchema = false, bool overwriteSchema = false, int? files = null, Action<string>? onStage = null) =>
        new DeltaWriter(Duck.Connection).Write("(" + sql + ")", Path(table), new WriteOptions
        {
            Mode = mode,
            PartitionBy = partitionBy ?? [],
            MergeSchema = mergeSchema,
            OverwriteSchema = overwriteSchema,
            FileCount = files,
            OnStage = onStage,
        });

    /// <summary>The SQL that reads the table (latest or a version).</summary>
    public string Scan(string table = "t", long? version = null) => DeltaScan.Sql(DeltaTable.Open(Path(table)).Snapshot(version), Duck.Connection);

    public List<string> Rows(string table = "t", long? version = null, string orderBy = "ALL") =>
        Duck.Rows($"SELECT * FROM ({Scan(table, version)}) ORDER BY {orderBy}");

    public void Dispose()
    {
        Duck.Dispose();
        _dir.Dispose();
    }
}
