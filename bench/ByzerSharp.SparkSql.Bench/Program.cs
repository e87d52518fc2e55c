using System.Diagnostics;
using System.Globalization;
using ByzerSharp.SparkSql;
using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;
using DuckDB.NET.Data;

// Usage: dotnet run -c Release --project bench/ByzerSharp.SparkSql.Bench [rows]
// Each query is materialised (CREATE TEMP TABLE AS) on one thread; the best of 6 runs is kept.
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3_000_000;
using var connection = new DuckDBConnection("DataSource=:memory:");
connection.Open();
ByzerSharp.SparkSql.Runtime.SparkRuntime.Install(connection);
Execute("SET threads=1");
Execute($"CREATE TABLE t AS SELECT range AS id, 'k' || (range % 1000)::VARCHAR || '_' || (range % 7)::VARCHAR AS s, random() AS d, (range % 100)::INTEGER AS i FROM range({rows})");

(string Spark, string Duck)[] cases =
[
    ("select s, count(*), sum(id), avg(d) from t where id % 7 = 1 group by s", "select s, count(*), sum(id), avg(d) from t where id % 7 = 1 group by s"),
    ("select id * 2 + 1, d / 3, upper(s), length(s) from t where i > 10", "select id * 2 + 1, d / 3, upper(s), length(s) from t where i > 10"),
    ("select split(s, '_')[1], substring(s, 2, 3) from t", "select string_split_regex(s, '_')[2], substring(s, 2, 3) from t"),
    ("select i, count(distinct s) from t group by i order by i", "select i, count(distinct s) from t group by i order by i"),
    ("select * from t where s like 'k1%' and d between 0.1 and 0.5", "select * from t where s like 'k1%' and d between 0.1 and 0.5"),
];
var schema = new Schema();
foreach (var (spark, duck) in cases)
{
    var sw = Stopwatch.StartNew();
    TranslatedQuery translated = SparkSqlTranslator.Translate(spark, schema);
    for (var k = 1; k < 200; k++)
    {
        translated = SparkSqlTranslator.Translate(spark, schema);
    }
    var translateMicros = sw.Elapsed.TotalMilliseconds * 1000 / 200;
    double a = double.MaxValue, b = double.MaxValue;
    for (var k = 0; k < 6; k++)
    {
        a = Math.Min(a, Time(translated.Sql));
        b = Math.Min(b, Time(duck));
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a,8:F1} ms vs {b,8:F1} ms  ratio {a / b:F2}  translate {translateMicros:F0} µs  | {spark}"));
}

double Time(string sql)
{
    var sw = Stopwatch.StartNew();
    Execute("CREATE OR REPLACE TEMP TABLE bench_out AS " + sql);
    return sw.Elapsed.TotalMilliseconds;
}

void Execute(string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

internal sealed class Schema : ISchemaProvider
{
    public TableSchema? FindTable(string name) => name == "t"
        ? new TableSchema("t", [new("id", SparkType.Long), new("s", SparkType.String), new("d", SparkType.Double), new("i", SparkType.Int)])
        : null;

    public IEnumerable<string> TableNames => ["t"];
}
