using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>Math functions (spark-vs-duckdb.md §1.2 and §1.11): Spark's result types and NULL for bad domains.</summary>
internal static class MathFunctions
{
    public static void Register(Registrar r)
    {
        r.Family = "math";
        SparkType Dbl(FnCall _) => SparkType.Double;
        string D(FnCall c, int i) => c.Dbl(i);

        r.Add("abs", 1, 1, c => new FnResult($"abs({c.Num(0)})", c[0].Type.IsNumeric ? c[0].Type : SparkType.Double));
        r.Add(["ceil", "ceiling"], 1, 2, c => Rounding(c, "ceil"));
        r.Add("floor", 1, 2, c => Rounding(c, "floor"));
        r.Add("round", 1, 2, c => Round(c, "round"));
        r.Add("bround", 1, 2, c => Round(c, "round_even"));
        r.Add("sqrt", 1, 1, c => new FnResult($"CASE WHEN {c.Dbl(0)} < 0 THEN CAST('NaN' AS DOUBLE) ELSE sqrt({c.Dbl(0)}) END", SparkType.Double));
        // DuckDB's cbrt gives 3.0000000000000004 for 27; Java's Math.cbrt (and .NET's) is exact there.
        r.Add("cbrt", 1, 1, c => new FnResult($"spark_cbrt({c.Dbl(0)})", SparkType.Double));
        r.Same("exp", "exp", 1, 1, Dbl, D);
        r.Add("expm1", 1, 1, c => new FnResult($"(exp({c.Dbl(0)}) - 1)", SparkType.Double));
        r.Add("ln", 1, 1, c => Log(c, "ln", 0));
        r.Add("log", 1, 2, c => c.Count == 1
            ? Log(c, "ln", 0)
            : new FnResult($"CASE WHEN {c.Dbl(0)} > 0 AND {c.Dbl(1)} > 0 THEN ln({c.Dbl(1)}) / ln({c.Dbl(0)}) END", SparkType.Double));
        r.Add("log10", 1, 1, c => Log(c, "log10", 0));
        r.Add("log2", 1, 1, c => Log(c, "log2", 0));
        r.Add("log1p", 1, 1, c => new FnResult($"CASE WHEN {c.Dbl(0)} > -1 THEN ln(1 + {c.Dbl(0)}) END", SparkType.Double));
        r.Add(["pow", "power"], 2, 2, c => new FnResult($"pow({c.Dbl(0)}, {c.Dbl(1)})", SparkType.Double));
        r.Add("pmod", 2, 2, c =>
        {
            var t = TypeCoercion.Arithmetic("%", c[0].Type, c[1].Type);
            return new FnResult($"((({c.Num(0)} % NULLIF({c.Num(1)}, 0)) + {c.Num(1)}) % NULLIF({c.Num(1)}, 0))", t);
        });
        r.Add("mod", 2, 2, c => new FnResult($"({c.Num(0)} % NULLIF({c.Num(1)}, 0))", TypeCoercion.Arithmetic("%", c[0].Type, c[1].Type)));
        r.Add(["sign", "signum"], 1, 1, c => new FnResult($"CAST(sign({c.Dbl(0)}) AS DOUBLE)", SparkType.Double));
        r.Add(["greatest", "least"], 2, FunctionLibrary.Variadic, c =>
        {
            var t = TypeCoercion.Wider(c.Args.Select(a => a.Type)) ?? throw c.Error($"{c.Call.Name} needs arguments of one type");
            return new FnResult($"{c.Call.Name.ToLowerInvariant()}({string.Join(", ", c.Args.Select(a => Binding.SparkCast.Coerce(a, t).Sql))})", t);
        });
        r.Add(["rand", "random"], 0, 1, _ => new FnResult("random()", SparkType.Double));
        r.Add("e", 0, 0, _ => new FnResult("exp(1)", SparkType.Double) { Name = "E()" });
        r.Add("pi", 0, 0, _ => new FnResult("pi()", SparkType.Double) { Name = "PI()" });
        // Java returns NaN outside the domain where DuckDB raises an error.
        foreach (var f in new[] { "asin", "acos" })
        {
            r.Add(f, 1, 1, c => new FnResult($"CASE WHEN abs({c.Dbl(0)}) <= 1 THEN {f}({c.Dbl(0)}) WHEN {c.Dbl(0)} IS NOT NULL THEN CAST('NaN' AS DOUBLE) END", SparkType.Double));
        }
        r.Add("acosh", 1, 1, c => new FnResult($"CASE WHEN {c.Dbl(0)} >= 1 THEN ln({c.Dbl(0)} + sqrt({c.Dbl(0)} * {c.Dbl(0)} - 1)) WHEN {c.Dbl(0)} IS NOT NULL THEN CAST('NaN' AS DOUBLE) END", SparkType.Double));
        r.Add("asinh", 1, 1, c => new FnResult($"CASE WHEN isinf({c.Dbl(0)}) THEN {c.Dbl(0)} ELSE ln({c.Dbl(0)} + sqrt({c.Dbl(0)} * {c.Dbl(0)} + 1)) END", SparkType.Double));
        r.Add("atanh", 1, 1, c => new FnResult(
            $"CASE WHEN abs({c.Dbl(0)}) < 1 THEN 0.5 * (ln(1 + {c.Dbl(0)}) - ln(1 - {c.Dbl(0)})) WHEN {c.Dbl(0)} = 1 THEN CAST('Infinity' AS DOUBLE) WHEN {c.Dbl(0)} = -1 THEN CAST('-Infinity' AS DOUBLE) WHEN {c.Dbl(0)} IS NOT NULL THEN CAST('NaN' AS DOUBLE) END",
            SparkType.Double));
        r.Add("sec", 1, 1, c => new FnResult($"(1 / cos({c.Dbl(0)}))", SparkType.Double));
        r.Add("csc", 1, 1, c => new FnResult($"(1 / sin({c.Dbl(0)}))", SparkType.Double));
        r.Add("rint", 1, 1, c => new FnResult($"CAST(round_even({c.Dbl(0)}, 0) AS DOUBLE)", SparkType.Double));
        r.Add("conv", 3, 3, c => new FnResult($"spark_conv({c.Str(0)}, {c.Int(1)}, {c.Int(2)})", SparkType.String));
        r.Add("shiftrightunsigned", 2, 2, c => c[0].Type.Kind == TypeKind.Long
            ? new FnResult($"CAST(CASE WHEN {c[0].Sql} >= 0 THEN {c[0].Sql} >> {c.Int(1)} ELSE CAST((CAST({c[0].Sql} AS HUGEINT) + 18446744073709551616) >> {c.Int(1)} AS BIGINT) END AS BIGINT)", SparkType.Long)
            : new FnResult($"CAST(CASE WHEN {c.Int(0)} >= 0 THEN {c.Int(0)} >> {c.Int(1)} ELSE (CAST({c.Int(0)} AS BIGINT) + 4294967296) >> {c.Int(1)} END AS INTEGER)", SparkType.Int));
        r.Add(["bit_get", "getbit"], 2, 2, c => new FnResult($"CAST(({c.Long(0)} >> {c.Int(1)}) & 1 AS TINYINT)", SparkType.Byte));
        r.Add("bit_count", 1, 1, c => new FnResult($"CAST(bit_count({(c[0].Type.Kind == TypeKind.Boolean ? $"CAST({c[0].Sql} AS INTEGER)" : c.Long(0))}) AS INTEGER)", SparkType.Int));
        foreach (var f in new[] { "sin", "cos", "tan", "atan", "sinh", "cosh", "tanh", "degrees", "radians" })
        {
            r.Same(f, f, 1, 1, Dbl, D);
        }
        r.Add("cot", 1, 1, c => new FnResult($"(1 / tan({c.Dbl(0)}))", SparkType.Double));
        r.Same("atan2", "atan2", 2, 2, Dbl, D);
        r.Add("hypot", 2, 2, c => new FnResult($"sqrt({c.Dbl(0)} * {c.Dbl(0)} + {c.Dbl(1)} * {c.Dbl(1)})", SparkType.Double));
        r.Add("factorial", 1, 1, c => new FnResult($"CASE WHEN {c.Int(0)} BETWEEN 0 AND 20 THEN CAST(factorial({c.Int(0)}) AS BIGINT) END", SparkType.Long));
        r.Add("isnan", 1, 1, c => new FnResult($"coalesce(isnan({c.Dbl(0)}), false)", SparkType.Boolean));
        r.Add("nanvl", 2, 2, c => new FnResult($"CASE WHEN isnan({c.Dbl(0)}) THEN {c.Dbl(1)} ELSE {c.Dbl(0)} END", SparkType.Double));
        r.Add("positive", 1, 1, c => new FnResult(c[0].Sql, c[0].Type));
        r.Add("negative", 1, 1, c => new FnResult($"(- {c.Num(0)})", c[0].Type.IsNumeric ? c[0].Type : SparkType.Double));
        r.Add("bin", 1, 1, c => new FnResult($"ltrim(bin({c.Long(0)}), '0') || CASE WHEN {c.Long(0)} = 0 THEN '0' ELSE '' END", SparkType.String));
        r.Add("shiftleft", 2, 2, c => new FnResult($"({c[0].Sql} << {c.Int(1)})", c[0].Type));
        r.Add("shiftright", 2, 2, c => new FnResult($"({c[0].Sql} >> {c.Int(1)})", c[0].Type));
        r.Add("width_bucket", 4, 4, c => new FnResult(
            $"CASE WHEN {c.Long(3)} <= 0 OR {c.Dbl(1)} = {c.Dbl(2)} THEN NULL WHEN {c.Dbl(1)} < {c.Dbl(2)} THEN " +
            $"CASE WHEN {c.Dbl(0)} < {c.Dbl(1)} THEN 0 WHEN {c.Dbl(0)} >= {c.Dbl(2)} THEN {c.Long(3)} + 1 ELSE CAST(floor(({c.Dbl(0)} - {c.Dbl(1)}) / ({c.Dbl(2)} - {c.Dbl(1)}) * {c.Long(3)}) AS BIGINT) + 1 END " +
            $"ELSE CASE WHEN {c.Dbl(0)} > {c.Dbl(1)} THEN 0 WHEN {c.Dbl(0)} <= {c.Dbl(2)} THEN {c.Long(3)} + 1 ELSE CAST(floor(({c.Dbl(1)} - {c.Dbl(0)}) / ({c.Dbl(1)} - {c.Dbl(2)}) * {c.Long(3)}) AS BIGINT) + 1 END END",
            SparkType.Long));
    }

    private static FnResult Log(FnCall c, string fn, int arg) =>
        new($"CASE WHEN {c.Dbl(arg)} > 0 THEN {fn}({c.Dbl(arg)}) END", SparkType.Double);

    /// <summary>ceil/floor return BIGINT (decimal(p-s+1,0) for decimals); with a scale they keep decimals.</summary>
    private static FnResult Rounding(FnCall c, string fn)
    {
        if (c.Count == 2 && (c[0].Type is DecimalType || c[0].Type.IsIntegral) && int.TryParse(c.LiteralString(1), out var target))
        {
            // Spark 3.3's ceil/floor(x, scale) keep decimals: decimal(p - s + max(scale, 0) + 1, max(scale, 0)).
            var input = DecimalType.For(c[0].Type);
            var scaleOut = Math.Max(target, 0);
            var t = target < 0 ? SparkType.Decimal(input.Precision + 1, 0) : SparkType.Decimal(input.Precision - input.Scale + scaleOut + 1, scaleOut);
            return new FnResult($"CAST({fn}(CAST({c[0].Sql} AS DOUBLE) * pow(10, {target})) / pow(10, {target}) AS {t.ToDuck()})", t);
        }
        if (c.Count == 2)
        {
            var scale = c.Int(1);
            return new FnResult($"CAST({fn}({c.Dbl(0)} * pow(10, {scale})) / pow(10, {scale}) AS DOUBLE)", SparkType.Double);
        }
        if (c[0].Type is DecimalType d)
        {
            var t = SparkType.Decimal(d.Precision - d.Scale + 1, 0);
            return new FnResult($"CAST({fn}({c[0].Sql}) AS {t.ToDuck()})", t);
        }
        if (c[0].Type.IsIntegral)
        {
            return new FnResult($"CAST({c[0].Sql} AS BIGINT)", SparkType.Long);
        }
        return new FnResult($"TRY_CAST({fn}({c.Dbl(0)}) AS BIGINT)", SparkType.Long);
    }

    /// <summary>HALF_UP on the decimal value (round(2.5) = 3, round(1.005D, 2) = 1.01), as Spark's BigDecimal rounding.</summary>
    private static FnResult Round(FnCall c, string fn)
    {
        var scale = c.Count == 2 ? c.LiteralString(1) ?? throw c.Error($"the scale of {c.Call.Name} must be a constant", 1) : "0";
        var name = $"{c.Call.Name.ToLowerInvariant()}({c[0].Name}, {(c.Count == 2 ? c[1].Name : "0")})";
        var t = c[0].Type;
        if (t.IsIntegral || t is DecimalType)
        {
            var resultType = t is DecimalType d ? SparkType.Decimal(d.Precision - d.Scale + Math.Max(int.Parse(scale, System.Globalization.CultureInfo.InvariantCulture), 0) + 1, Math.Clamp(int.Parse(scale, System.Globalization.CultureInfo.InvariantCulture), 0, d.Scale)) : t;
            return new FnResult($"CAST({fn}({c[0].Sql}, {scale}) AS {resultType.ToDuck()})", resultType) { Name = name };
        }
        var value = c.Dbl(0);
        // Through the shortest decimal text, so 1.005D rounds as Spark's BigDecimal(1.005) does.
        return new FnResult($"CASE WHEN isnan({value}) OR isinf({value}) THEN {value} ELSE coalesce(CAST({fn}(TRY_CAST(CAST({value} AS VARCHAR) AS DECIMAL(38, 15)), {scale}) AS DOUBLE), {fn}({value}, {scale})) END", SparkType.Double) { Name = name };
    }
}
