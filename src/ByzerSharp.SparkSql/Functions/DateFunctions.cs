using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>
/// Date and time functions (spark-vs-duckdb.md §1.10). Spark timestamps are DuckDB TIMESTAMPs
/// holding the session time zone's wall time; strings are cast as Spark casts them.
/// </summary>
internal static class DateFunctions
{
    public static void Register(Registrar r)
    {
        r.Family = "date";
        r.Add("current_date", 0, 0, _ => new FnResult("current_date", SparkType.Date) { Name = "current_date()" });
        r.Add(["current_timestamp", "now", "localtimestamp"], 0, 0, _ => new FnResult("CAST(current_timestamp AS TIMESTAMP)", SparkType.Timestamp) { Name = "current_timestamp()" });
        r.Add("current_timezone", 0, 0, _ => new FnResult("current_setting('TimeZone')", SparkType.String));
        r.Add("to_date", 1, 2, c => c.Count == 1
            ? new FnResult(c.Date(0), SparkType.Date)
            : new FnResult($"CAST(try_strptime({c.Str(0)}, {Pattern(c, 1)}) AS DATE)", SparkType.Date));
        r.Add("to_timestamp", 1, 2, c => c.Count == 1
            ? new FnResult(c.Ts(0), SparkType.Timestamp)
            : new FnResult($"CAST(try_strptime({c.Str(0)}, {Pattern(c, 1)}) AS TIMESTAMP)", SparkType.Timestamp));
        r.Add("date_format", 2, 2, c => new FnResult($"strftime({c.Ts(0)}, {Pattern(c, 1)})", SparkType.String));
        foreach (var (name, duck) in new[] { ("year", "year"), ("month", "month"), ("day", "day"), ("dayofmonth", "day"), ("quarter", "quarter"), ("dayofyear", "dayofyear"), ("weekofyear", "weekofyear") })
        {
            r.Add(name, 1, 1, c => new FnResult($"CAST({duck}({c.Date(0)}) AS INTEGER)", SparkType.Int));
        }
        foreach (var name in new[] { "hour", "minute", "second" })
        {
            r.Add(name, 1, 1, c => new FnResult($"CAST({name}({c.Ts(0)}) AS INTEGER)", SparkType.Int));
        }
        r.Add("dayofweek", 1, 1, c => new FnResult($"CAST(dayofweek({c.Date(0)}) + 1 AS INTEGER)", SparkType.Int));
        r.Add("weekday", 1, 1, c => new FnResult($"CAST(isodow({c.Date(0)}) - 1 AS INTEGER)", SparkType.Int));
        r.Add("datediff", 2, 2, c => new FnResult($"CAST(date_diff('day', {c.Date(1)}, {c.Date(0)}) AS INTEGER)", SparkType.Int));
        r.Add("date_add", 2, 2, c => new FnResult($"({c.Date(0)} + {c.Int(1)})", SparkType.Date));
        r.Add("date_sub", 2, 2, c => new FnResult($"({c.Date(0)} - {c.Int(1)})", SparkType.Date));
        r.Add("add_months", 2, 2, c => new FnResult($"CAST({c.Date(0)} + to_months({c.Int(1)}) AS DATE)", SparkType.Date));
        r.Add("last_day", 1, 1, c => new FnResult($"last_day({c.Date(0)})", SparkType.Date));
        r.Add("months_between", 2, 3, c => new FnResult($"spark_months_between({c.Ts(0)}, {c.Ts(1)}, {(c.Count == 3 ? c.Bool(2) : "true")})", SparkType.Double));
        r.Add("next_day", 2, 2, c => new FnResult($"spark_next_day({c.Date(0)}, {c.Str(1)})", SparkType.Date));
        r.Add("trunc", 2, 2, c => new FnResult($"CAST(date_trunc({TruncUnit(c, 1, dateOnly: true)}, {c.Date(0)}) AS DATE)", SparkType.Date));
        r.Add("date_trunc", 2, 2, c => new FnResult($"CAST(date_trunc({TruncUnit(c, 0, dateOnly: false)}, {c.Ts(1)}) AS TIMESTAMP)", SparkType.Timestamp));
        r.Add(["unix_timestamp", "to_unix_timestamp"], 0, 2, c =>
        {
            if (c.Count == 0)
            {
                return new FnResult("CAST(epoch(current_timestamp) AS BIGINT)", SparkType.Long) { Name = "unix_timestamp(current_timestamp(), yyyy-MM-dd HH:mm:ss)" };
            }
            var ts = c[0].Type.IsString
                ? $"try_strptime({c.Str(0)}, {(c.Count == 2 ? Pattern(c, 1) : "'%Y-%m-%d %H:%M:%S'")})"
                : c.Ts(0);
            return new FnResult($"CAST(epoch(CAST({ts} AS TIMESTAMPTZ)) AS BIGINT)", SparkType.Long);
        });
        r.Add("from_unixtime", 1, 2, c => new FnResult(
            $"strftime(CAST(to_timestamp(CAST({c.Long(0)} AS DOUBLE)) AS TIMESTAMP), {(c.Count == 2 ? Pattern(c, 1) : "'%Y-%m-%d %H:%M:%S'")})", SparkType.String));
        r.Add("timestamp_seconds", 1, 1, c => new FnResult($"CAST(to_timestamp(CAST({c.Num(0)} AS DOUBLE)) AS TIMESTAMP)", SparkType.Timestamp));
        r.Add("make_date", 3, 3, c => new FnResult($"TRY(make_date({c.Int(0)}, {c.Int(1)}, {c.Int(2)}))", SparkType.Date));
        r.Add("date_part", 2, 2, c => new FnResult($"CAST(date_part({c.Str(0)}, {c.Ts(1)}) AS INTEGER)", SparkType.Int));
    }

    /// <summary>The strftime pattern for a literal Java date pattern argument.</summary>
    private static string Pattern(FnCall c, int i)
    {
        var java = c.LiteralString(i) ?? throw c.Error("the date pattern must be a string literal", i, "write the pattern inline, e.g. 'yyyy-MM-dd'");
        try
        {
            return Sql.Str(JavaDatePattern.ToStrftime(java));
        }
        catch (FormatException e)
        {
            throw c.Error(e.Message, i, "supported letters: y M d H h m s S a E D and 'quoted text'");
        }
    }

    private static string TruncUnit(FnCall c, int i, bool dateOnly)
    {
        var unit = c.LiteralString(i)?.ToUpperInvariant() ?? throw c.Error("the unit must be a string literal", i);
        var duck = unit switch
        {
            "YEAR" or "YYYY" or "YY" => "year",
            "QUARTER" => "quarter",
            "MONTH" or "MM" or "MON" => "month",
            "WEEK" => "week",
            "DAY" or "DD" when !dateOnly => "day",
            "HOUR" when !dateOnly => "hour",
            "MINUTE" when !dateOnly => "minute",
            "SECOND" when !dateOnly => "second",
            _ => null,
        };
        return duck is null ? "NULL" : Sql.Str(duck);
    }
}
