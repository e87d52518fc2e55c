using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Binding;

/// <summary>
/// Spark's non-ANSI CAST as DuckDB SQL: bad input gives NULL, strings are trimmed, fractions are
/// truncated toward zero, and only Spark's number syntax is accepted (spark-vs-duckdb.md §1.3).
/// </summary>
public static class SparkCast
{
    public static string Emit(string sql, SparkType from, SparkType to)
    {
        if (from.Equals(to) || to.Kind == TypeKind.Unknown)
        {
            return sql;
        }
        if (from.Kind == TypeKind.Null)
        {
            return $"CAST(NULL AS {to.ToDuck()})";
        }
        var duck = to.ToDuck();
        if (to.IsIntegral)
        {
            if (from.IsString)
            {
                return $"TRY_CAST(regexp_extract(trim({sql}), '^([+-]?[0-9]+)(\\.[0-9]*)?$', 1) AS {duck})";
            }
            if (from.IsFractional)
            {
                return $"TRY_CAST(trunc({sql}) AS {duck})";
            }
            if (from.Kind is TypeKind.Date or TypeKind.Timestamp)
            {
                return from.Kind == TypeKind.Timestamp ? $"TRY_CAST(epoch({sql}) AS {duck})" : $"CAST(NULL AS {duck})";
            }
            return from.IsIntegral && Rank(from) <= Rank(to) ? $"CAST({sql} AS {duck})" : $"TRY_CAST({sql} AS {duck})";
        }
        if (to.IsFractional && from.IsString)
        {
            return $"TRY_CAST(trim({sql}) AS {duck})";
        }
        if (to.Kind == TypeKind.Boolean && from.IsString)
        {
            return $"TRY_CAST(trim({sql}) AS BOOLEAN)";
        }
        if (to.Kind == TypeKind.Date && from.IsString)
        {
            return $"spark_to_date({sql})";
        }
        if (to.Kind == TypeKind.Timestamp && from.IsString)
        {
            return StringToTimestamp(sql);
        }
        if (to.IsString)
        {
            return from.Kind switch
            {
                TypeKind.Double or TypeKind.Float => $"spark_double_str(CAST({sql} AS DOUBLE))",
                TypeKind.Binary => $"decode({sql})",
                TypeKind.Map or TypeKind.Struct or TypeKind.Array when HasNested(from) => $"CAST({sql} AS VARCHAR)",
                _ => $"CAST({sql} AS VARCHAR)",
            };
        }
        if (to.Kind == TypeKind.Binary && from.IsString)
        {
            return $"encode({sql})";
        }
        return $"TRY_CAST({sql} AS {duck})";
    }

    /// <summary>
    /// Through TIMESTAMPTZ, so an explicit offset ('…Z', '…+08:00') names an instant that is then
    /// shown in the session time zone, as Spark does; without an offset the text is session wall time.
    /// </summary>
    public static string StringToTimestamp(string sql) => $"CAST(TRY_CAST(trim({sql}) AS TIMESTAMPTZ) AS TIMESTAMP)";

    private static bool HasNested(SparkType t) => t.Kind is TypeKind.Map or TypeKind.Struct or TypeKind.Array;

    private static int Rank(SparkType t) => t.Kind switch
    {
        TypeKind.Byte => 1,
        TypeKind.Short => 2,
        TypeKind.Int => 3,
        _ => 4,
    };

    /// <summary>Casts a bound value to a type only if it differs (implicit coercion).</summary>
    public static Bound Coerce(Bound b, SparkType to) =>
        b.Type.Equals(to) || to.Kind == TypeKind.Unknown || b.Type.Kind == TypeKind.Unknown ? b : b with { Sql = Emit(b.Sql, b.Type, to), Type = to };
}
