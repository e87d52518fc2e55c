using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;

namespace ByzerSharp.SparkSql.Runtime;

/// <summary>Number functions whose Java results DuckDB's built-ins do not reproduce.</summary>
internal static class NumberUdfs
{
    public static void Register(DuckDBConnection c)
    {
        c.RegisterNullSafe<double, double>("spark_cbrt", Cbrt);
        c.RegisterNullSafe<string, int, int, string?>("spark_conv", Conv);
        c.RegisterNullSafe<double, string, string>("spark_format_number_pattern", FormatPattern);
    }

    /// <summary>
    /// Java's StrictMath.cbrt is correctly rounded (cbrt(27) = 3.0); the C library's cbrt that .NET
    /// and DuckDB call may be one ulp off, so one Newton step refines it.
    /// </summary>
    internal static double Cbrt(double x)
    {
        var r = Math.Cbrt(x);
        if (r == 0 || double.IsNaN(r) || double.IsInfinity(r))
        {
            return r;
        }
        return r - (r * r * r - x) / (3 * r * r);
    }

    /// <summary>
    /// Spark's NumberConverter: the digits (and a leading '-') in base <paramref name="from"/> are
    /// read as an unsigned 64-bit value up to the first invalid digit; a negative
    /// <paramref name="to"/> prints the value as signed. NULL when nothing parses or a base is invalid.
    /// </summary>
    internal static string? Conv(string num, int from, int to)
    {
        var fromBase = Math.Abs(from);
        var toBase = Math.Abs(to);
        if (fromBase is < 2 or > 36 || toBase is < 2 or > 36)
        {
            return null;
        }
        var text = num.Trim();
        var negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        ulong value = 0;
        var any = false;
        foreach (var ch in digits)
        {
            var d = char.IsDigit(ch) ? ch - '0' : char.IsLetter(ch) ? char.ToUpperInvariant(ch) - 'A' + 10 : 99;
            if (d >= fromBase)
            {
                break;
            }
            any = true;
            var next = (BigInteger)value * fromBase + d;
            // Overflow saturates at the unsigned maximum, as Spark's encode does.
            value = next > ulong.MaxValue ? ulong.MaxValue : (ulong)next;
        }
        if (!any)
        {
            return null;
        }
        if (negative)
        {
            value = unchecked(0 - value);
        }
        BigInteger output = to < 0 && (long)value < 0 ? -(BigInteger)unchecked(0 - value) : value;
        var sign = output < 0 ? "-" : "";
        output = BigInteger.Abs(output);
        if (output.IsZero)
        {
            return "0";
        }
        var chars = new List<char>();
        while (output > 0)
        {
            var d = (int)(output % toBase);
            chars.Add((char)(d < 10 ? '0' + d : 'A' + d - 10));
            output /= toBase;
        }
        chars.Reverse();
        return sign + new string([.. chars]);
    }

    /// <summary>
    /// format_number(x, 'pattern'): Java DecimalFormat patterns such as '#,##0.###' map onto .NET
    /// custom numeric formats; DecimalFormat rounds HALF_EVEN, so the value is rounded first.
    /// </summary>
    internal static string FormatPattern(double x, string pattern)
    {
        var format = pattern.Length == 0 ? "#,###,###,###,###,###,##0" : pattern;
        var dot = format.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : format[(dot + 1)..].Count(ch => ch is '#' or '0');
        var rounded = Math.Round((decimal)x, decimals, MidpointRounding.ToEven);
        return rounded.ToString(format, CultureInfo.InvariantCulture);
    }
}
