using System.Text;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>Java DateTimeFormatter patterns (Spark's) as DuckDB strftime/strptime patterns.</summary>
public static class JavaDatePattern
{
    public static string ToStrftime(string java)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < java.Length)
        {
            var c = java[i];
            if (c == '\'')
            {
                var end = java.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"unterminated quote in date pattern '{java}'");
                }
                sb.Append(end == i + 1 ? "'" : java[(i + 1)..end].Replace("%", "%%", StringComparison.Ordinal));
                i = end + 1;
                continue;
            }
            if (!char.IsAsciiLetter(c))
            {
                sb.Append(c == '%' ? "%%" : c.ToString());
                i++;
                continue;
            }
            var n = 1;
            while (i + n < java.Length && java[i + n] == c)
            {
                n++;
            }
            sb.Append((c, n) switch
            {
                ('y', 2) => "%y",
                ('y' or 'u', _) => "%Y",
                ('M' or 'L', 1) => "%-m",
                ('M' or 'L', 2) => "%m",
                ('M' or 'L', 3) => "%b",
                ('M' or 'L', _) => "%B",
                ('d', 1) => "%-d",
                ('d', _) => "%d",
                ('H', 1) => "%-H",
                ('H', _) => "%H",
                ('h', 1) => "%-I",
                ('h', _) => "%I",
                ('m', 1) => "%-M",
                ('m', _) => "%M",
                ('s', 1) => "%-S",
                ('s', _) => "%S",
                ('S', <= 3) => "%g",
                ('S', <= 6) => "%f",
                ('S', _) => "%n",
                ('a', _) => "%p",
                ('E', <= 3) => "%a",
                ('E', _) => "%A",
                ('D', _) => "%j",
                ('Z' or 'X' or 'x', _) => "%z",
                ('z' or 'V', _) => "%Z",
                _ => throw new FormatException($"unsupported date pattern letter '{new string(c, n)}' in '{java}'"),
            });
            i += n;
        }
        return sb.ToString();
    }
}
