namespace ByzerSharp.SparkSql.Types;

/// <summary>Spark 3.3's non-ANSI TypeCoercion and DecimalPrecision rules, for the binder.</summary>
public static class TypeCoercion
{
    private static int NumericRank(TypeKind k) => k switch
    {
        TypeKind.Byte => 1,
        TypeKind.Short => 2,
        TypeKind.Int => 3,
        TypeKind.Long => 4,
        TypeKind.Float => 5,
        TypeKind.Double => 6,
        _ => 0,
    };

    /// <summary>findTightestCommonType: the widening that loses nothing, or null.</summary>
    public static SparkType? Tightest(SparkType a, SparkType b)
    {
        if (a == b)
        {
            return a;
        }
        if (a.Kind == TypeKind.Null)
        {
            return b;
        }
        if (b.Kind == TypeKind.Null)
        {
            return a;
        }
        if (a.Kind == TypeKind.Unknown || b.Kind == TypeKind.Unknown)
        {
            return SparkType.Unknown;
        }
        if (a.IsNumeric && b.IsNumeric && a.Kind != TypeKind.Decimal && b.Kind != TypeKind.Decimal)
        {
            return NumericRank(a.Kind) >= NumericRank(b.Kind) ? a : b;
        }
        if (a is DecimalType da && b.IsIntegral)
        {
            return WiderDecimal(da, DecimalType.For(b));
        }
        if (b is DecimalType db && a.IsIntegral)
        {
            return WiderDecimal(DecimalType.For(a), db);
        }
        if (a is DecimalType d1 && b is DecimalType d2)
        {
            return WiderDecimal(d1, d2);
        }
        if (a.IsDatetime && b.IsDatetime)
        {
            return SparkType.Timestamp;
        }
        if (a is ArrayType aa && b is ArrayType ab && Tightest(aa.Element, ab.Element) is { } e)
        {
            return new ArrayType(e);
        }
        return null;
    }

    /// <summary>findWiderTypeForTwo: also decimal→double and the promotion of atomics to string (CASE, coalesce, IN, UNION).</summary>
    public static SparkType? Wider(SparkType a, SparkType b)
    {
        if (Tightest(a, b) is { } t)
        {
            return t;
        }
        if (a.IsNumeric && b.IsNumeric)
        {
            return SparkType.Double;
        }
        if ((a.IsString && IsAtomicForString(b)) || (b.IsString && IsAtomicForString(a)))
        {
            return SparkType.String;
        }
        if (a is ArrayType aa && b is ArrayType ab && Wider(aa.Element, ab.Element) is { } e)
        {
            return new ArrayType(e);
        }
        return null;
    }

    public static SparkType? Wider(IEnumerable<SparkType> types)
    {
        SparkType? result = SparkType.Null;
        foreach (var t in types)
        {
            result = result is null ? null : Wider(result, t);
        }
        return result;
    }

    private static bool IsAtomicForString(SparkType t) =>
        t.Kind is not (TypeKind.Binary or TypeKind.Boolean or TypeKind.Array or TypeKind.Map or TypeKind.Struct or TypeKind.Unknown);

    public static DecimalType WiderDecimal(DecimalType a, DecimalType b)
    {
        var scale = Math.Max(a.Scale, b.Scale);
        var range = Math.Max(a.Precision - a.Scale, b.Precision - b.Scale);
        return Bounded(range + scale, scale);
    }

    /// <summary>DecimalType.bounded.</summary>
    public static DecimalType Bounded(int precision, int scale) => new(Math.Min(precision, 38), Math.Min(scale, 38));

    /// <summary>DecimalType.adjustPrecisionScale (allowPrecisionLoss = true, the default).</summary>
    public static DecimalType Adjust(int precision, int scale)
    {
        if (precision <= 38)
        {
            return new(precision, scale);
        }
        var intDigits = precision - scale;
        var minScale = Math.Min(scale, 6);
        return new(38, Math.Max(38 - intDigits, minScale));
    }

    /// <summary>The type a binary arithmetic operator (+ - * %) works in, after Spark's implicit casts.</summary>
    public static SparkType Arithmetic(string op, SparkType a, SparkType b)
    {
        if (a.IsString || a.Kind == TypeKind.Null)
        {
            a = a.IsString ? SparkType.Double : b.IsString ? SparkType.Double : b;
        }
        if (b.IsString || b.Kind == TypeKind.Null)
        {
            b = b.IsString ? SparkType.Double : a;
        }
        if (a.Kind == TypeKind.Null && b.Kind == TypeKind.Null)
        {
            return SparkType.Double;
        }
        if (a.Kind == TypeKind.Unknown || b.Kind == TypeKind.Unknown)
        {
            return SparkType.Unknown;
        }
        if (a is DecimalType || b is DecimalType)
        {
            if (a.Kind is TypeKind.Float or TypeKind.Double || b.Kind is TypeKind.Float or TypeKind.Double)
            {
                return SparkType.Double;
            }
            var d1 = DecimalType.For(a);
            var d2 = DecimalType.For(b);
            return op switch
            {
                "+" or "-" => Adjust(Math.Max(d1.Scale, d2.Scale) + Math.Max(d1.Precision - d1.Scale, d2.Precision - d2.Scale) + 1, Math.Max(d1.Scale, d2.Scale)),
                "*" => Adjust(d1.Precision + d2.Precision + 1, d1.Scale + d2.Scale),
                "%" => Adjust(Math.Min(d1.Precision - d1.Scale, d2.Precision - d2.Scale) + Math.Max(d1.Scale, d2.Scale), Math.Max(d1.Scale, d2.Scale)),
                _ => Divide(d1, d2),
            };
        }
        return Tightest(a, b) ?? SparkType.Double;
    }

    /// <summary>The result of `/`: double, or a decimal per DecimalPrecision when both sides are exact.</summary>
    public static SparkType Division(SparkType a, SparkType b)
    {
        if ((a is DecimalType && (b.IsIntegral || b is DecimalType)) || (b is DecimalType && a.IsIntegral))
        {
            return Divide(DecimalType.For(a), DecimalType.For(b));
        }
        return SparkType.Double;
    }

    private static DecimalType Divide(DecimalType d1, DecimalType d2)
    {
        var scale = Math.Max(6, d1.Scale + d2.Precision + 1);
        var precision = d1.Precision - d1.Scale + d2.Scale + scale;
        return Adjust(precision, scale);
    }

    /// <summary>The common type of a comparison; a string side takes the other side's atomic type.</summary>
    public static SparkType? Comparison(SparkType a, SparkType b)
    {
        if (a.IsString && b.IsNumeric)
        {
            return b;
        }
        if (b.IsString && a.IsNumeric)
        {
            return a;
        }
        if (a.IsString && b.IsDatetime)
        {
            return b;
        }
        if (b.IsString && a.IsDatetime)
        {
            return a;
        }
        if ((a.IsString && b.Kind == TypeKind.Boolean) || (b.IsString && a.Kind == TypeKind.Boolean))
        {
            return SparkType.Boolean;
        }
        return Tightest(a, b) ?? Wider(a, b);
    }
}
