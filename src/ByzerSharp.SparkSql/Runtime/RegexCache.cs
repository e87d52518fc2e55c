using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace ByzerSharp.SparkSql.Runtime;

/// <summary>Compiled .NET regexes by pattern: a UDF sees the same pattern on every row.</summary>
internal static class RegexCache
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static Regex Get(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var r))
        {
            return r;
        }
        if (Cache.Count > 1000)
        {
            Cache.Clear();
        }
        return Cache.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.Compiled));
    }

    /// <summary>A Java replacement (`$1`, `\$`, `\\`) as a .NET one (`$1`, `$$`, `\`).</summary>
    public static string DotNetReplacement(string java)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < java.Length; i++)
        {
            var c = java[i];
            if (c == '\\' && i + 1 < java.Length)
            {
                var n = java[++i];
                sb.Append(n == '$' ? "$$" : n.ToString());
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>java.lang.String.split(regex, limit) as Spark calls it (limit ≤ 0 keeps trailing empty strings).</summary>
    public static List<string> JavaSplit(string s, string pattern, int limit)
    {
        var parts = new List<string>();
        var start = 0;
        foreach (Match m in Get(pattern).Matches(s))
        {
            if (limit > 0 && parts.Count == limit - 1)
            {
                break;
            }
            // A zero-width match at the start never yields a leading empty string (Java 8+).
            if (m.Length == 0 && m.Index == 0)
            {
                continue;
            }
            if (m.Length == 0 && m.Index >= s.Length)
            {
                break;
            }
            parts.Add(s[start..m.Index]);
            start = m.Index + m.Length;
        }
        parts.Add(s[start..]);
        return parts;
    }
}
