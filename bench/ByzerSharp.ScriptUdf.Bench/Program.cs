using System.Diagnostics;
using System.Globalization;
using ByzerSharp;
using ByzerSharp.ScriptUdf;

// Usage: ByzerSharp.ScriptUdf.Bench [rows, default 1000000] [runs, default 7] [only the queries whose name contains this]
// Registers C# UDFs with a Byzer script, then times DuckDB queries that call them against the same
// queries with DuckDB's built-in equivalent: the fastest and the median run of each (wall clock and CPU time),
// after 5 untimed runs of each.
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var only = args.Length > 2 ? args[2] : "";
const int warmup = 5;
using var engine = new ByzerEngine(new ByzerOptions().Use(new ScriptUdfExtension()));
using var session = engine.CreateSession();
session.Run("""
    register ScriptUDF.`` as twicePlusOne where lang="csharp" and code='''long apply(long x) => x * 2 + 1;''';
    register ScriptUDF.`` as identity where lang="csharp" and code='''static long apply(long x) => x;''';
    register ScriptUDF.`` as sameString where lang="csharp" and code='''static string apply(string s) => s;''';
    register ScriptUDF.`` as upperCs where lang="csharp" and code='''string apply(string s) => s.ToUpperInvariant();''';
    register ScriptUDF.`` as lastPart where lang="csharp" and code='''string apply(List<string> a) => a[^1];''';
    register ScriptUDF.`` as mySum where lang="csharp" and udfType="udaf" and code='''
    long Zero() => 0;
    long Reduce(long total, long x) => total + x;
    long Finish(long total) => total;
    ''';
    register ScriptUDF.`` as mergingSum where lang="csharp" and udfType="udaf" and code='''
    long Zero() => 0;
    long Reduce(long total, long x) => total + x;
    long Merge(long a, long b) => a + b;
    long Finish(long total) => total;
    ''';
    """, "bench.byzer");
var db = session.Database;
db.Execute($"CREATE TABLE bench AS SELECT range AS n, 'item-' || range || '/part-' || (range % 97) AS s, range % 1000 AS g FROM range({rows})");

Console.WriteLine($"rows {rows:N0}, {Environment.ProcessorCount} cores, {runs} runs each");
Compare("bigint x*2+1", "SELECT sum(twicePlusOne(n)) FROM bench", "SELECT sum(n * 2 + 1) FROM bench");
Compare("bigint identity", "SELECT sum(identity(n)) FROM bench", "SELECT sum(n) FROM bench");
Compare("string identity", "SELECT sum(length(sameString(s))) FROM bench", "SELECT sum(length(s)) FROM bench");
Compare("string upper", "SELECT sum(length(upperCs(s))) FROM bench", "SELECT sum(length(upper(s))) FROM bench");
Compare("array last", "SELECT sum(length(lastPart(string_split(s, '/')))) FROM bench", "SELECT sum(length(string_split(s, '/')[-1])) FROM bench");
Compare("udaf sum by 1000 groups", "SELECT sum(t) FROM (SELECT mySum(n) AS t FROM bench GROUP BY g)", "SELECT sum(t) FROM (SELECT sum(n) AS t FROM bench GROUP BY g)");
Compare("udaf vs list_reduce by 1000 groups", "SELECT sum(t) FROM (SELECT mySum(n) AS t FROM bench GROUP BY g)", "SELECT sum(t) FROM (SELECT list_reduce(list(n), (a, b) -> a + b) AS t FROM bench GROUP BY g)");
Compare("udaf+Merge by 1000 groups", "SELECT sum(t) FROM (SELECT mergingSum(n) AS t FROM bench GROUP BY g)", "SELECT sum(t) FROM (SELECT sum(n) AS t FROM bench GROUP BY g)");
Compare("udaf+Merge, group per row", "SELECT sum(t) FROM (SELECT mergingSum(n) AS t FROM bench GROUP BY n)", "SELECT sum(t) FROM (SELECT sum(n) AS t FROM bench GROUP BY n)");
Compare("udaf sum, a group per row", "SELECT sum(t) FROM (SELECT mySum(n) AS t FROM bench GROUP BY n)", "SELECT sum(t) FROM (SELECT sum(n) AS t FROM bench GROUP BY n)");
Compare("udaf vs list_reduce, group per row", "SELECT sum(t) FROM (SELECT mySum(n) AS t FROM bench GROUP BY n)", "SELECT sum(t) FROM (SELECT list_reduce(list(n), (a, b) -> a + b) AS t FROM bench GROUP BY n)");
return 0;

void Compare(string name, string udf, string native)
{
    if (!name.Contains(only, StringComparison.Ordinal))
    {
        return;
    }
    var expected = db.Scalar(native);
    var actual = db.Scalar(udf);
    if (!Equals(Convert.ToDecimal(expected, CultureInfo.InvariantCulture), Convert.ToDecimal(actual, CultureInfo.InvariantCulture)))
    {
        throw new InvalidOperationException($"{name}: UDF gave {actual}, DuckDB {expected}");
    }
    // Untimed runs first: the .NET methods a query calls start as quickly compiled code and are
    // recompiled optimised after 30 calls and a 100 ms pause in compiling; timing those first runs made
    // a median up to three times the best run. DuckDB's side is warmed the same way.
    for (var i = 0; i < warmup; i++)
    {
        db.Scalar(native);
        db.Scalar(udf);
        Thread.Sleep(50);
    }
    // Alternated, so that a burst of load from elsewhere hits both sides alike.
    var (nativeRuns, udfRuns) = (new Runs(runs), new Runs(runs));
    for (var i = 0; i < runs; i++)
    {
        nativeRuns.Time(i, db, native);
        udfRuns.Time(i, db, udf);
    }
    Console.WriteLine(
        $"{name,-24} wall: DuckDB {Best(nativeRuns.Wall) * 1000,7:F1} ms, C# {Best(udfRuns.Wall) * 1000,7:F1} ms, ratio best {Best(udfRuns.Wall) / Best(nativeRuns.Wall),5:F2} median {Median(udfRuns.Wall) / Median(nativeRuns.Wall),5:F2}" +
        $"   CPU: DuckDB {Best(nativeRuns.Cpu) * 1000,7:F1} ms, C# {Best(udfRuns.Cpu) * 1000,7:F1} ms, ratio best {Best(udfRuns.Cpu) / Best(nativeRuns.Cpu),5:F2} median {Median(udfRuns.Cpu) / Median(nativeRuns.Cpu),5:F2}" +
        $"   GC per C# run: {udfRuns.Collections / (double)runs,5:F1} gen0, {udfRuns.Paused * 1000 / runs,5:F1} ms paused");
}

static double Best(double[] times) => times.Min();

static double Median(double[] times)
{
    var sorted = times.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

/// <summary>Wall clock and the process's CPU time (all threads) of each run: on a shared, busy machine the
/// CPU time is the steadier measure of the work a query does.</summary>
internal sealed class Runs(int count)
{
    public double[] Wall { get; } = new double[count];

    public double[] Cpu { get; } = new double[count];

    /// <summary>Gen0 collections and the time the GC paused the process, over all runs.</summary>
    public int Collections { get; private set; }

    public double Paused { get; private set; }

    public void Time(int run, ByzerSharp.DuckDb.Database db, string sql)
    {
        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        db.Scalar(sql);
        Wall[run] = watch.Elapsed.TotalSeconds;
        Collections += GC.CollectionCount(0) - collections;
        Paused += (GC.GetTotalPauseDuration() - paused).TotalSeconds;
        process.Refresh();
        Cpu[run] = (process.TotalProcessorTime - cpuStart).TotalSeconds;
    }
}
