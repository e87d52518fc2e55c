using System.Collections;
using System.Globalization;
using System.Text;

namespace ByzerSharp.Results;

/// <summary>How values print in tables and CSV: like Spark's show() (null, [a, b], {k -> v}, {a, b}).</summary>
public static class ValueText
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        byte[] bytes => "[" + string.Join(" ", bytes.Take(20).Select(x => x.ToString("X2", CultureInfo.InvariantCulture))) + (bytes.Length > 20 ? " ..." : "") + "]",
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IDictionary<string, object?> map => "{" + string.Join(", ", map.Select(kv => kv.Key + " -> " + Format(kv.Value))) + "}",
        IList list => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Java's Double.toString shape: 1.0, 0.1, 1.0E10.</summary>
    public static string FormatDouble(double d)
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
            var s = d.ToString("0.0################E0", CultureInfo.InvariantCulture);
            return s;
        }
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        return r.Contains('.', StringComparison.Ordinal) || r.Contains('E', StringComparison.Ordinal) ? r : r + ".0";
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
