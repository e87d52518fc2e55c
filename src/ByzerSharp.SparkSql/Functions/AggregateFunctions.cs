using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>Aggregates (spark-vs-duckdb.md §1.9): Spark's result types (sum(int) is bigint) and NULL handling.</summary>
internal static class AggregateFunctions
{
    public static void Register(Registrar r)
    {
        r.Family = "aggregate";
        r.Aggregate("count", 0, FunctionLibrary.Variadic, c =>
        {
            if (c.Call.CountStar || c.Count == 0)
            {
                return new FnResult("count(*)", SparkType.Long);
            }
            var distinct = c.Call.Distinct ? "DISTINCT " : "";
            if (c.Count == 1)
            {
                return new FnResult($"count({distinct}{c[0].Sql})", SparkType.Long);
            }
            // count(a, b) counts rows where no argument is NULL; DuckDB's row count would include NULL members.
            var notNull = string.Join(" AND ", c.Args.Select(a => $"{a.Sql} IS NOT NULL"));
            return new FnResult(c.Call.Distinct ? $"count(DISTINCT ({string.Join(", ", c.Args.Select(a => a.Sql))}))" : "count(*)", SparkType.Long) { Filter = notNull };
        });
        r.Aggregate("count_if", 1, 1, c => new FnResult($"count(*)", SparkType.Long) { Filter = c.Bool(0) });
        r.Aggregate("sum", 1, 1, c =>
        {
            var d = c.Call.Distinct ? "DISTINCT " : "";
            var t = c[0].Type;
            if (t.IsIntegral)
            {
                return new FnResult($"sum({d}{c[0].Sql})", SparkType.Long) { Wrap = "CAST({0} AS BIGINT)" };
            }
            if (t is DecimalType dt)
            {
                var rt = SparkType.Decimal(dt.Precision + 10, dt.Scale);
                return new FnResult($"sum({d}{c[0].Sql})", rt) { Wrap = $"CAST({{0}} AS {rt.ToDuck()})" };
            }
            return new FnResult($"sum({d}{c.Dbl(0)})", SparkType.Double);
        });
        r.Aggregate(["avg", "mean"], 1, 1, c =>
        {
            var d = c.Call.Distinct ? "DISTINCT " : "";
            if (c[0].Type is DecimalType dt)
            {
                var rt = SparkType.Decimal(dt.Precision + 4, dt.Scale + 4);
                return new FnResult($"avg({d}{c[0].Sql})", rt) { Wrap = $"CAST({{0}} AS {rt.ToDuck()})" };
            }
            return new FnResult($"avg({d}{c.Dbl(0)})", SparkType.Double);
        });
        r.Aggregate(["min", "max"], 1, 1, c => new FnResult($"{c.Call.Name.ToLowerInvariant()}({c[0].Sql})", c[0].Type));
        r.Aggregate(["first", "first_value", "last", "last_value"], 1, 2, c =>
        {
            var fn = c.Call.Name.StartsWith("first", StringComparison.OrdinalIgnoreCase) ? "first" : "last";
            var ignoreNulls = c.Call.IgnoreNulls || (c.Count == 2 && c.LiteralString(1) == "true");
            if (c.Call.Over is not null)
            {
                return new FnResult($"{fn}_value({c[0].Sql}{(ignoreNulls ? " IGNORE NULLS" : "")})", c[0].Type) { Name = $"{c.Call.Name.ToLowerInvariant()}({c[0].Name}){(ignoreNulls ? " ignore nulls" : "")}" };
            }
            return new FnResult($"{fn}({c[0].Sql})", c[0].Type) { Filter = ignoreNulls ? $"{c[0].Sql} IS NOT NULL" : null, Name = $"{c.Call.Name.ToLowerInvariant()}({c[0].Name}){(ignoreNulls ? " ignore nulls" : "")}" };
        });
        r.Aggregate("any_value", 1, 2, c => new FnResult($"first({c[0].Sql})", c[0].Type));
        r.Aggregate(["collect_list", "array_agg"], 1, 1, c => new FnResult($"list({c[0].Sql})", new ArrayType(c[0].Type))
        {
            Filter = $"{c[0].Sql} IS NOT NULL",
            Wrap = $"coalesce({{0}}, CAST([] AS {c[0].Type.ToDuck()}[]))",
        });
        // First occurrences in input order, as Spark's hash set yields small values; DuckDB's
        // list(DISTINCT) order is arbitrary.
        r.Aggregate("collect_set", 1, 1, c => new FnResult($"list({c[0].Sql})", new ArrayType(c[0].Type))
        {
            Filter = $"{c[0].Sql} IS NOT NULL",
            Wrap = $"coalesce(spark_array_distinct({{0}}), CAST([] AS {c[0].Type.ToDuck()}[]))",
        });
        foreach (var (name, duck) in new[] { ("stddev", "stddev_samp"), ("std", "stddev_samp"), ("stddev_samp", "stddev_samp"), ("stddev_pop", "stddev_pop"), ("variance", "var_samp"), ("var_samp", "var_samp"), ("var_pop", "var_pop") })
        {
            r.Aggregate(name, 1, 1, c => new FnResult($"{duck}({c.Dbl(0)})", SparkType.Double));
        }
        // Spark's skewness and kurtosis are the population moments g1 and g2; DuckDB's are the
        // sample-adjusted G1 and G2, so they are converted back (n < 3 / n < 4 stay NULL).
        r.Aggregate("skewness", 1, 1, c => new FnResult($"skewness({c.Dbl(0)})", SparkType.Double)
        {
            Wrap = $"({{0}} * (count({c[0].Sql}) - 2) / sqrt(count({c[0].Sql}) * (count({c[0].Sql}) - 1)))",
        });
        r.Aggregate("kurtosis", 1, 1, c => new FnResult($"kurtosis({c.Dbl(0)})", SparkType.Double)
        {
            Wrap = $"(({{0}} * (count({c[0].Sql}) - 2) * (count({c[0].Sql}) - 3) / (count({c[0].Sql}) - 1) - 6) / (count({c[0].Sql}) + 1))",
        });
        // Spark's Corr: ck / sqrt(xMk * yMk), i.e. the population covariance over the population deviations.
        r.Aggregate("corr", 2, 2, c => new FnResult($"covar_pop({c.Dbl(0)}, {c.Dbl(1)})", SparkType.Double)
        {
            Wrap = $"({{0}} / sqrt(var_pop(CASE WHEN {c[1].Sql} IS NOT NULL THEN {c.Dbl(0)} END) * var_pop(CASE WHEN {c[0].Sql} IS NOT NULL THEN {c.Dbl(1)} END)))",
        });
        foreach (var (name, duck) in new[] { ("covar_pop", "covar_pop"), ("covar_samp", "covar_samp") })
        {
            r.Aggregate(name, 2, 2, c => new FnResult($"{duck}({c.Dbl(0)}, {c.Dbl(1)})", SparkType.Double));
        }
        r.Aggregate(["bool_and", "every"], 1, 1, c => new FnResult($"bool_and({c.Bool(0)})", SparkType.Boolean));
        r.Aggregate(["bool_or", "some", "any"], 1, 1, c => new FnResult($"bool_or({c.Bool(0)})", SparkType.Boolean));
        r.Aggregate(["max_by", "min_by"], 2, 2, c => new FnResult($"{(c.Call.Name.StartsWith("max", StringComparison.OrdinalIgnoreCase) ? "arg_max" : "arg_min")}({c[0].Sql}, {c[1].Sql})", c[0].Type));
        r.Aggregate("approx_count_distinct", 1, 2, c => new FnResult($"approx_count_distinct({c[0].Sql})", SparkType.Long) { Wrap = "CAST({0} AS BIGINT)" });
        r.Aggregate(["percentile_approx", "approx_percentile"], 2, 3, c => new FnResult($"quantile_disc({c[0].Sql}, {c[1].Sql})", c[1].Type is ArrayType ? new ArrayType(c[0].Type) : c[0].Type));
        r.Aggregate("percentile", 2, 3, c => new FnResult($"quantile_cont({c.Dbl(0)}, {c[1].Sql})", c[1].Type is ArrayType ? new ArrayType(SparkType.Double) : SparkType.Double));
        r.Aggregate("median", 1, 1, c => new FnResult($"quantile_cont({c.Dbl(0)}, 0.5)", SparkType.Double));
        r.Aggregate("bit_and", 1, 1, c => new FnResult($"bit_and({c[0].Sql})", c[0].Type));
        r.Aggregate("bit_or", 1, 1, c => new FnResult($"bit_or({c[0].Sql})", c[0].Type));
        r.Aggregate("bit_xor", 1, 1, c => new FnResult($"bit_xor({c[0].Sql})", c[0].Type));
        r.Aggregate("grouping", 1, 1, c => new FnResult($"grouping({c[0].Sql})", SparkType.Byte) { Wrap = "CAST({0} AS TINYINT)" });
    }
}
