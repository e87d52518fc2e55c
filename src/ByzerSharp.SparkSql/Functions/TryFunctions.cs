using System.Globalization;
using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>
/// Spark 3.3's try_* functions: NULL instead of an error on overflow, division by zero or a bad
/// conversion. Integer results are computed in HUGEINT and checked against the result type's range.
/// </summary>
internal static class TryFunctions
{
    public static void Register(Registrar r)
    {
        r.Family = "try";
        r.Add("try_add", 2, 2, c => Arithmetic(c, "+"));
        r.Add("try_subtract", 2, 2, c => Arithmetic(c, "-"));
        r.Add("try_multiply", 2, 2, c => Arithmetic(c, "*"));
        r.Add("try_divide", 2, 2, c =>
        {
            if (!c[0].Type.IsNumeric || !c[1].Type.IsNumeric)
            {
                throw c.Error("try_divide supports numbers here; intervals are not supported", 0);
            }
            return new FnResult($"(CAST({c.Num(0)} AS DOUBLE) / NULLIF(CAST({c.Num(1)} AS DOUBLE), 0))", SparkType.Double);
        });
        r.Add("try_element_at", 2, 2, c =>
        {
            if (c[0].Type is MapType m)
            {
                return new FnResult($"map_extract_value({c[0].Sql}, {SparkCast.Coerce(c[1], m.Key).Sql})", m.Value);
            }
            var a = ArrayFunctions.Arr(c, 0);
            var i = c.Int(1);
            return new FnResult($"CASE WHEN {i} > 0 THEN {a.Sql}[{i}] WHEN {i} < 0 THEN {a.Sql}[len({a.Sql}) + 1 + {i}] END", ArrayFunctions.Element(a));
        });
        r.Aggregate("try_sum", 1, 1, c =>
        {
            if (c[0].Type.IsIntegral)
            {
                return new FnResult($"sum(CAST({c[0].Sql} AS HUGEINT))", SparkType.Long) { Wrap = $"CASE WHEN {{0}} BETWEEN {long.MinValue} AND {long.MaxValue} THEN CAST({{0}} AS BIGINT) END" };
            }
            return new FnResult($"sum({c.Dbl(0)})", SparkType.Double);
        });
        r.Aggregate("try_avg", 1, 1, c => new FnResult($"avg({c.Dbl(0)})", SparkType.Double));
        r.Add(["to_binary", "try_to_binary"], 1, 2, c =>
        {
            var format = c.Count == 2 ? c.LiteralString(1)?.ToLowerInvariant() ?? throw c.Error("the format must be a string literal", 1) : "hex";
            var lenient = c.Call.Name.StartsWith("try_", StringComparison.OrdinalIgnoreCase);
            var sql = format switch
            {
                "hex" => $"TRY(unhex({c.Str(0)}))",
                "utf-8" or "utf8" => $"encode({c.Str(0)})",
                "base64" => $"TRY(from_base64({c.Str(0)}))",
                _ when lenient => "CAST(NULL AS BLOB)",
                _ => throw c.Error($"invalid format '{format}' for to_binary", 1, "use 'hex', 'utf-8' or 'base64'"),
            };
            return new FnResult(sql, SparkType.Binary);
        });
    }

    private static FnResult Arithmetic(FnCall c, string op)
    {
        var (a, b) = (c[0], c[1]);
        if (a.Type.Kind == TypeKind.Date && b.Type.IsIntegral && op is "+" or "-")
        {
            return new FnResult($"({a.Sql} {op} {c.Int(1)})", SparkType.Date);
        }
        if (a.Type.IsDatetime && b.Type.Kind == TypeKind.Interval && op is "+" or "-")
        {
            return new FnResult($"CAST({a.Sql} {op} {b.Sql} AS {a.Type.ToDuck()})", a.Type);
        }
        if (!a.Type.IsNumeric || !b.Type.IsNumeric)
        {
            throw c.Error($"{c.Call.Name} supports numbers, and dates with days or intervals, here", 0);
        }
        var type = TypeCoercion.Arithmetic(op, a.Type, b.Type);
        if (!type.IsIntegral)
        {
            return new FnResult($"TRY(CAST({SparkCast.Coerce(a, type).Sql} {op} {SparkCast.Coerce(b, type).Sql} AS {type.ToDuck()}))", type);
        }
        var (min, max) = type.Kind switch
        {
            TypeKind.Byte => ((long)sbyte.MinValue, (long)sbyte.MaxValue),
            TypeKind.Short => (short.MinValue, short.MaxValue),
            TypeKind.Int => (int.MinValue, int.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        var wide = $"(CAST({a.Sql} AS HUGEINT) {op} CAST({b.Sql} AS HUGEINT))";
        return new FnResult(string.Create(CultureInfo.InvariantCulture, $"CASE WHEN {wide} BETWEEN {min} AND {max} THEN CAST({wide} AS {type.ToDuck()}) END"), type);
    }
}
