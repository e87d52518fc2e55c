using System.Collections;
using System.Globalization;
using System.Text;

namespace ByzerSharp.Results;

/// <summary>
/// How values print in tables and CSV: like Spark 3's show() (null, [a, b], a map as {k -> v}, a
/// struct as its values {a, b}, a float with float precision, a decimal with its scale as read).
/// </summary>
public static class ValueText
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => FormatDouble(d),
        float f => FormatFloat(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        byte[] bytes => "[" + string.Join(" ", bytes.Take(20).Select(x => x.ToString("X2", CultureInfo.InvariantCulture))) + (bytes.Length > 20 ? " ..." : "") + "]",
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        StructValue fields => "{" + string.Join(", ", fields.Values.Select(Format)) + "}",
        IDictionary<string, object?> map => "{" + string.Join(", ", map.Select(kv => kv.Key + " -> " + Format(kv.Value))) + "}",
        IList list => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Java's Float.toString: the shortest digits that read back as the same float (0.1, not 0.10000000149011612).</summary>
    public static string FormatFloat(float f) => JavaShape(f, f.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Java's Double.toString shape: 1.0, 0.1, 1.0E10.</summary>
    public static string FormatDouble(double d) => JavaShape(d, d.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Java's layout of shortest round-trip digits: scientific below 1e-3 and from 1e7 on, else with a ".0" at least.</summary>
    private static string JavaShape(double d, string shortest)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }
        if (double.IsPositiveInfinity(d))
        {
            return "Infinity";
        }
        if (double.IsNegativeInfinity(d))
        {
            return "-Infinity";
        }
        var abs = Math.Abs(d);
        if (d != 0 && (abs >= 1e7 || abs < 1e-3))
        {
            return Scientific(shortest);
        }
        return shortest.Contains('.', StringComparison.Ordinal) || shortest.Contains('E', StringComparison.Ordinal) ? shortest : shortest + ".0";
    }

    /// <summary>.NET's shortest digits ("1E+20", "1.5E-05", "12345678") in Java's form: 1.0E20, 1.5E-5, 1.2345678E7.</summary>
    private static string Scientific(string shortest)
    {
        var negative = shortest.StartsWith('-');
        var text = negative ? shortest[1..] : shortest;
        var e = text.IndexOfAny(['E', 'e']);
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        exponent += (point < 0 ? mantissa.Length : point) - 1;
        var lead = digits.TakeWhile(c => c == '0').Count();
        digits = digits[lead..];
        exponent -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }
        var fraction = digits.Length > 1 ? digits[1..] : "0";
        return (negative ? "-" : "") + digits[0] + "." + fraction + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    public static string Csv(string s)
    {
        if (s.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return s;
        }
        return "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Truncate(string s, int width)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c is '\n' or '\r' or '\t' ? ' ' : c);
        }
        var one = sb.ToString();
        return one.Length > width ? one[..(width - 3)] + "..." : one;
    }
}
