using System.Text;
using System.Text.RegularExpressions;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>
/// Spark uses java.util.regex, DuckDB RE2. A literal pattern without Java-only constructs runs
/// natively (fast); anything else goes to the .NET regex UDFs, whose syntax matches Java's here.
/// </summary>
public static partial class RegexDialect
{
    // Lookaround, backreferences, possessive quantifiers, atomic groups, Java named groups, class intersection.
    [GeneratedRegex(@"\(\?<?[=!]|\(\?>|\(\?<[A-Za-z]|\\[1-9]|\\k<|[*+?}]\+|&&|\\[GZ]")]
    private static partial Regex JavaOnly();

    public static bool IsRe2Safe(string pattern) => !JavaOnly().IsMatch(pattern);

    /// <summary>A Java replacement string (`$1`, `\$`) as RE2's (`\1`, `$`).</summary>
    public static string? ToRe2Replacement(string java)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < java.Length; i++)
        {
            var c = java[i];
            if (c == '\\' && i + 1 < java.Length)
            {
                var n = java[++i];
                sb.Append(n == '\\' ? "\\\\" : n.ToString());
            }
            else if (c == '$' && i + 1 < java.Length && char.IsAsciiDigit(java[i + 1]))
            {
                sb.Append('\\').Append(java[++i]);
            }
            else if (c == '$')
            {
                // ${name} named references only exist in Java.
                return null;
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
