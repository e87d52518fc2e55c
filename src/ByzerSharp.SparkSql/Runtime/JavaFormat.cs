using System.Globalization;
using System.Text;

namespace ByzerSharp.SparkSql.Runtime;

/// <summary>Java's number-to-text rules, which Spark uses for casts to string and generated names.</summary>
public static class JavaFormat
{
    /// <summary>Double.toString: plain for 1e-3 ≤ |d| &lt; 1e7, else `d.dddE±n`; always a fraction digit.</summary>
    public static string DoubleToString(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }
        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0)
        {
            return double.IsNegative(d) ? "-0.0" : "0.0";
        }
        var (digits, exponent) = Decompose(Math.Abs(d));
        var sign = d < 0 ? "-" : "";
        var abs = Math.Abs(d);
        if (abs >= 1e-3 && abs < 1e7)
        {
            // exponent is the power of ten of the first digit.
            string plain;
            if (exponent >= 0)
            {
                var intDigits = exponent + 1;
                plain = digits.Length <= intDigits
                    ? digits.PadRight(intDigits, '0') + ".0"
                    : digits[..intDigits] + "." + digits[intDigits..];
            }
            else
            {
                plain = "0." + new string('0', -exponent - 1) + digits;
            }
            return sign + plain;
        }
        var mantissa = digits.Length == 1 ? digits + ".0" : digits[..1] + "." + digits[1..];
        return sign + mantissa + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The float's shortest round-trip digits (no leading/trailing zeros) and decimal exponent.</summary>
    private static (string Digits, int Exponent) Decompose(double abs)
    {
        var r = abs.ToString("R", CultureInfo.InvariantCulture);
        var e = 0;
        var ePos = r.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            e = int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..ePos];
        }
        var dot = r.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? r : r[..dot];
        var frac = dot < 0 ? "" : r[(dot + 1)..];
        var all = new StringBuilder(intPart).Append(frac).ToString();
        var pointAfter = intPart.Length + e;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }
        all = all[lead..].TrimEnd('0');
        if (all.Length == 0)
        {
            all = "0";
        }
        return (all, pointAfter - lead - 1);
    }
}
