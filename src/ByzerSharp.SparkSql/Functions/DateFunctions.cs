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
        r.Add("date_part", 2, 2, DatePart);
        r.Add("timestamp_millis", 1, 1, c => new FnResult($"CAST(timezone('UTC', epoch_ms({c.Long(0)})) AS TIMESTAMP)", SparkType.Timestamp));
        r.Add("timestamp_micros", 1, 1, c => new FnResult($"CAST(timezone('UTC', make_timestamp({c.Long(0)})) AS TIMESTAMP)", SparkType.Timestamp));
        r.Add("unix_seconds", 1, 1, c => new FnResult($"CAST(floor(epoch({c.Instant(0)})) AS BIGINT)", SparkType.Long));
        r.Add("unix_millis", 1, 1, c => new FnResult($"epoch_ms({c.Instant(0)})", SparkType.Long));
        r.Add("unix_micros", 1, 1, c => new FnResult($"epoch_us({c.Instant(0)})", SparkType.Long));
        r.Add("unix_date", 1, 1, c => new FnResult($"CAST(date_diff('day', DATE '1970-01-01', {c.Date(0)}) AS INTEGER)", SparkType.Int));
        r.Add("date_from_unix_date", 1, 1, c => new FnResult($"CAST(DATE '1970-01-01' + {c.Int(0)} AS DATE)", SparkType.Date));
        r.Add("from_utc_timestamp", 2, 2, c => new FnResult($"CAST(timezone({c.Str(1)}, timezone('UTC', {c.Ts(0)})) AS TIMESTAMP)", SparkType.Timestamp));
        r.Add("to_utc_timestamp", 2, 2, c => new FnResult($"CAST(timezone('UTC', timezone({c.Str(1)}, {c.Ts(0)})) AS TIMESTAMP)", SparkType.Timestamp));
        r.Add("make_timestamp", 6, 7, c =>
        {
            // Seconds carry microseconds (decimal(16, 6)); 60 rolls over to the next minute as in Spark.
            var micros = $"CAST(CAST({c[5].Sql} AS DECIMAL(16, 6)) * 1000000 AS BIGINT)";
            var wall = $"TRY(make_timestamp({c.Int(0)}, {c.Int(1)}, {c.Int(2)}, {c.Int(3)}, {c.Int(4)}, 0) + to_microseconds({micros}))";
            return new FnResult(c.Count == 7 ? $"CAST(timezone({c.Str(6)}, {wall}) AS TIMESTAMP)" : wall, SparkType.Timestamp);
        });
        r.Add("timestampadd", 3, 3, c =>
        {
            var (unit, amount) = UnitStep(c, 0, c.Long(1));
            return new FnResult($"CAST(date_add({c.Ts(2)}, {amount} * INTERVAL 1 {unit}) AS TIMESTAMP)", SparkType.Timestamp);
        });
        r.Add("timestampdiff", 3, 3, c =>
        {
            var unit = (c.LiteralString(0) ?? throw c.Error("the unit must be a keyword such as HOUR", 0)).ToUpperInvariant() switch
            {
                "DAYOFYEAR" => "day",
                var u and ("YEAR" or "QUARTER" or "MONTH" or "WEEK" or "DAY" or "HOUR" or "MINUTE" or "SECOND" or "MILLISECOND" or "MICROSECOND") => u.ToLowerInvariant(),
                var u => throw c.Error($"unknown unit '{u}'", 0, "use YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND or MICROSECOND"),
            };
            // date_sub counts whole units, as Spark's timestampdiff truncates.
            return new FnResult($"date_sub('{unit}', {c.Ts(1)}, {c.Ts(2)})", SparkType.Long);
        });
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

    /// <summary>date_part/extract: Spark's field names and result types (SECONDS is decimal(8, 6)).</summary>
    private static FnResult DatePart(FnCall c)
    {
        var field = (c.LiteralString(0) ?? throw c.Error("the field must be a string literal", 0)).ToUpperInvariant();
        if (c[1].Type.Kind == TypeKind.Interval)
        {
            var part = field switch
            {
                "YEAR" or "Y" or "YEARS" or "YR" or "YRS" => "year",
                "MONTH" or "MON" or "MONS" or "MONTHS" => "month",
                "DAY" or "D" or "DAYS" => "day",
                "HOUR" or "H" or "HOURS" or "HR" or "HRS" => "hour",
                "MINUTE" or "M" or "MIN" or "MINS" or "MINUTES" => "minute",
                "SECOND" or "S" or "SEC" or "SECONDS" or "SECS" => null,
                _ => throw c.Error($"unknown interval field '{field}'", 0),
            };
            return part is null
                ? new FnResult($"CAST(date_part('microseconds', {c[1].Sql}) AS DECIMAL(18, 0)) / 1000000", SparkType.Decimal(8, 6)) { Wrap = "CAST({0} AS DECIMAL(8, 6))" }
                : new FnResult($"CAST(date_part('{part}', {c[1].Sql}) AS INTEGER)", SparkType.Int);
        }
        var ts = c.Ts(1);
        return field switch
        {
            "SECOND" or "S" or "SEC" or "SECONDS" or "SECS" =>
                new FnResult($"CAST(CAST(microsecond({ts}) AS DECIMAL(18, 0)) / 1000000 AS DECIMAL(8, 6))", SparkType.Decimal(8, 6)),
            "YEAR" or "Y" or "YEARS" or "YR" or "YRS" => Int($"year({ts})"),
            "YEAROFWEEK" => Int($"isoyear({ts})"),
            "QUARTER" or "QTR" => Int($"quarter({ts})"),
            "MONTH" or "MON" or "MONS" or "MONTHS" => Int($"month({ts})"),
            "WEEK" or "W" or "WEEKS" => Int($"week({ts})"),
            "DAY" or "D" or "DAYS" => Int($"day({ts})"),
            "DAYOFWEEK" or "DOW" => Int($"dayofweek({ts}) + 1"),
            "DAYOFWEEK_ISO" or "DOW_ISO" => Int($"isodow({ts})"),
            "DOY" => Int($"dayofyear({ts})"),
            "HOUR" or "H" or "HOURS" or "HR" or "HRS" => Int($"hour({ts})"),
            "MINUTE" or "M" or "MIN" or "MINS" or "MINUTES" => Int($"minute({ts})"),
            _ => throw c.Error($"unknown date/time field '{field}'", 0, "use YEAR, QUARTER, MONTH, WEEK, DAY, DOW, DOY, HOUR, MINUTE or SECOND"),
        };

        static FnResult Int(string sql) => new($"CAST({sql} AS INTEGER)", SparkType.Int);
    }

    /// <summary>The DuckDB unit of timestampadd/timestampdiff's unit keyword, and the step scaled to it.</summary>
    private static (string Unit, string Amount) UnitStep(FnCall c, int i, string amount)
    {
        var unit = (c.LiteralString(i) ?? throw c.Error("the unit must be a keyword such as HOUR", i)).ToUpperInvariant();
        return unit switch
        {
            "YEAR" => ("year", amount),
            "QUARTER" => ("month", $"3 * {amount}"),
            "MONTH" => ("month", amount),
            "WEEK" => ("day", $"7 * {amount}"),
            "DAY" or "DAYOFYEAR" => ("day", amount),
            "HOUR" => ("hour", amount),
            "MINUTE" => ("minute", amount),
            "SECOND" => ("second", amount),
            "MILLISECOND" => ("millisecond", amount),
            "MICROSECOND" => ("microsecond", amount),
            _ => throw c.Error($"unknown unit '{unit}'", i, "use YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND or MICROSECOND"),
        };
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
            "MILLISECOND" when !dateOnly => "millisecond",
            "MICROSECOND" when !dateOnly => "microsecond",
            _ => null,
        };
        return duck is null ? "NULL" : Sql.Str(duck);
    }
}
