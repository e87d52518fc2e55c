using System.Diagnostics;
using System.Globalization;
using ByzerSharp.Delta;
using ByzerSharp.Delta.Read;
using ByzerSharp.Delta.Write;
using DuckDB.NET.Data;

// Usage: ByzerSharp.Delta.Bench [rows, default 20000000 ≈ 1 GB of parquet] [work folder]
// Each step runs twice; the faster run counts (the first warms the page cache for both sides alike).
var rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 20_000_000;
var work = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "delta-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
using var connection = new DuckDBConnection("DataSource=:memory:");
connection.Open();
Execute("SET TimeZone='UTC'");
Execute($"""
    CREATE TABLE src AS SELECT
      range AS id,
      (range % 1000)::INTEGER AS category,
      hash(range) % 100000 / 100.0 AS amount,
      md5(range::VARCHAR) AS label,
      TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(range) AS ts
    FROM range({rows})
    """);
const string aggregate = "SELECT sum(id), sum(category), sum(amount), sum(length(label)), max(ts) FROM ";

var duckWrite = Best(i =>
{
    var file = Path.Combine(work, $"duck-{i}.parquet");
    Execute($"COPY src TO '{file}' (FORMAT parquet, COMPRESSION snappy)");
});
var deltaWrite = Best(i => new DeltaWriter(connection).Write("src", Path.Combine(work, $"delta-{i}"), new WriteOptions { Mode = WriteMode.ErrorIfExists }));
var parquetBytes = new FileInfo(Path.Combine(work, "duck-0.parquet")).Length;
var duckRead = Best(_ => Execute(aggregate + $"read_parquet('{Path.Combine(work, "duck-0.parquet")}')"));
var deltaRead = Best(_ => Execute(aggregate + "(" + DeltaScan.Sql(DeltaTable.Open(Path.Combine(work, "delta-0")).Snapshot(), connection) + ")"));
var planning = Best(_ => DeltaScan.Sql(DeltaTable.Open(Path.Combine(work, "delta-0")).Snapshot(), connection));
var deltaFileRead = Best(_ => Execute(aggregate + "read_parquet('" + Directory.GetFiles(Path.Combine(work, "delta-0"), "*.parquet").Single() + "')"));

Console.WriteLine($"rows {rows:N0}, parquet {parquetBytes / 1e6:F0} MB, {Environment.ProcessorCount} cores");
Console.WriteLine($"write: DuckDB COPY {duckWrite:F2} s, Delta {deltaWrite:F2} s, ratio {deltaWrite / duckWrite:F2}");
Console.WriteLine($"read:  DuckDB read_parquet {duckRead:F2} s, Delta {deltaRead:F2} s, ratio {deltaRead / duckRead:F2}");
Console.WriteLine($"       of which log replay + scan planning {planning:F3} s; read_parquet of the Delta data file alone {deltaFileRead:F2} s");
Directory.Delete(work, recursive: true);
return 0;

double Best(Action<int> run)
{
    var best = double.MaxValue;
    for (var i = 0; i < 2; i++)
    {
        var watch = Stopwatch.StartNew();
        run(i);
        best = Math.Min(best, watch.Elapsed.TotalSeconds);
    }
    return best;
}

void Execute(string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}
