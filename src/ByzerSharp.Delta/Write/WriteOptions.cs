namespace ByzerSharp.Delta.Write;

/// <summary>What a write asks for (Spark's DataFrameWriter options for Delta).</summary>
public sealed record WriteOptions
{
    public WriteMode Mode { get; init; } = WriteMode.ErrorIfExists;

    /// <summary>partitionBy columns (resolved case-insensitively against the data).</summary>
    public IReadOnlyList<string> PartitionBy { get; init; } = [];

    /// <summary>Add new columns to the table schema (Spark's mergeSchema).</summary>
    public bool MergeSchema { get; init; }

    /// <summary>With overwrite: replace the schema and partitioning (Spark's overwriteSchema).</summary>
    public bool OverwriteSchema { get; init; }

    /// <summary>Data files per partition (Byzer's fileNum); null writes one file per partition.</summary>
    public int? FileCount { get; init; }

    /// <summary>
    /// A column of the source holding each row's file (0 … <see cref="FileCount"/> - 1), which is not
    /// written: the source's own partitioning (TableRepartition) decides which rows share a file, as
    /// Spark writes one file per partition. Null deals the rows round-robin.
    /// </summary>
    public string? BucketColumn { get; init; }

    /// <summary>Stored in commitInfo.userMetadata.</summary>
    public string? UserMetadata { get; init; }

    /// <summary>commitInfo.engineInfo.</summary>
    public string EngineInfo { get; init; } = "ByzerSharp.Delta/" + typeof(WriteOptions).Assembly.GetName().Version?.ToString(3);

    /// <summary>How many times a blind append that lost the race for a version is retried.</summary>
    public int MaxCommitAttempts { get; init; } = 10_000;

    /// <summary>
    /// Test hook: called at named points of the write ("files-written", "committed"), so crash tests can stop there.
    /// </summary>
    public Action<string>? OnStage { get; init; }
}

/// <summary>What a write did: the committed version (null when ignored), rows and files written.</summary>
public sealed record WriteResult(string Path, long? Version, long Rows, int Files, bool Ignored);
