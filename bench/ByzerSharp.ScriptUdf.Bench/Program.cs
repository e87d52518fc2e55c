using System.Diagnostics;
using System.Globalization;
using ByzerSharp;
using ByzerSharp.ScriptUdf;

// Usage: ByzerSharp.ScriptUdf.Bench [rows, default 1000000] [runs, default 7] [only the queries whose name contains this]
// Registers C# UDFs with a Byzer script, then times DuckDB queries that call them against the same
// queries with DuckDB's built-in equivalent; the fastest run of each counts (wall clock and CPU time).
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var only = args.Length > 2 ? args[2] : "";
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
    """, "bench.byzer");
var db = session.Database;
db.Execute($"CREATE TABLE bench AS SELECT range AS n, 'item-' || range || '/part-' || (range % 97) AS s, range % 1000 AS g FROM range({rows})");

Console.WriteLine($"rows {rows:N0}, {Environment.ProcessorCount} cores, best of {runs}");
Compare("bigint x*2+1", "SELECT sum(twicePlusOne(n)) FROM bench", "SELECT sum(n * 2 + 1) FROM bench");
Compare("bigint identity", "SELECT sum(identity(n)) FROM bench", "SELECT sum(n) FROM bench");
Compare("string identity", "SELECT sum(length(sameString(s))) FROM bench", "SELECT sum(length(s)) FROM bench");
Compare("string upper", "SELECT sum(length(upperCs(s))) FROM bench", "SELECT sum(length(upper(s))) FROM bench");
Compare("array last", "SELECT sum(length(lastPart(string_split(s, '/')))) FROM bench", "SELECT sum(length(string_split(s, '/')[-1])) FROM bench");
Compare("udaf sum by 1000 groups", "SELECT sum(t) FROM (SELECT mySum(n) AS t FROM bench GROUP BY g)", "SELECT sum(t) FROM (SELECT sum(n) AS t FROM bench GROUP BY g)");
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
    var (nativeWall, nativeCpu) = Best(native);
    var (udfWall, udfCpu) = Best(udf);
    Console.WriteLine(
        $"{name,-24} wall: DuckDB {nativeWall * 1000,7:F1} ms, C# {udfWall * 1000,7:F1} ms, ratio {udfWall / nativeWall,5:F2}" +
        $"   CPU: DuckDB {nativeCpu * 1000,7:F1} ms, C# {udfCpu * 1000,7:F1} ms, ratio {udfCpu / nativeCpu,5:F2}");
}

// Wall clock and the process's CPU time (all threads): on a shared, busy machine the CPU time is the
// steadier measure of the work each query does.
(double Wall, double Cpu) Best(string sql)
{
    var (wall, cpu) = (double.MaxValue, double.MaxValue);
    var process = Process.GetCurrentProcess();
    for (var i = 0; i < runs; i++)
    {
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        db.Scalar(sql);
        wall = Math.Min(wall, watch.Elapsed.TotalSeconds);
        process.Refresh();
        cpu = Math.Min(cpu, (process.TotalProcessorTime - cpuStart).TotalSeconds);
    }
    return (wall, cpu);
}
