using System.Diagnostics;
using System.Globalization;
using ByzerSharp;
using ByzerSharp.ScriptUdf;

// Usage: ByzerSharp.ScriptUdf.Bench [rows, default 1000000] [runs, default 7]
// Registers C# UDFs with a Byzer script, then times DuckDB queries that call them against the same
// queries with DuckDB's built-in equivalent; the fastest run of each counts.
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
using var engine = new ByzerEngine(new ByzerOptions().Use(new ScriptUdfExtension()));
using var session = engine.CreateSession();
session.Run("""
    register ScriptUDF.`` as twicePlusOne where lang="csharp" and code='''long apply(long x) => x * 2 + 1;''';
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
Compare("string upper", "SELECT sum(length(upperCs(s))) FROM bench", "SELECT sum(length(upper(s))) FROM bench");
Compare("array last", "SELECT sum(length(lastPart(string_split(s, '/')))) FROM bench", "SELECT sum(length(string_split(s, '/')[-1])) FROM bench");
Compare("udaf sum by 1000 groups", "SELECT sum(t) FROM (SELECT mySum(n) AS t FROM bench GROUP BY g)", "SELECT sum(t) FROM (SELECT sum(n) AS t FROM bench GROUP BY g)");
return 0;

void Compare(string name, string udf, string native)
{
    var expected = db.Scalar(native);
    var actual = db.Scalar(udf);
    if (!Equals(Convert.ToDecimal(expected, CultureInfo.InvariantCulture), Convert.ToDecimal(actual, CultureInfo.InvariantCulture)))
    {
        throw new InvalidOperationException($"{name}: UDF gave {actual}, DuckDB {expected}");
    }
    var nativeTime = Best(native);
    var udfTime = Best(udf);
    Console.WriteLine($"{name,-24} DuckDB {nativeTime * 1000,8:F1} ms   C# UDF {udfTime * 1000,8:F1} ms   ratio {udfTime / nativeTime,5:F2}");
}

double Best(string sql)
{
    var best = double.MaxValue;
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        db.Scalar(sql);
        best = Math.Min(best, watch.Elapsed.TotalSeconds);
    }
    return best;
}
