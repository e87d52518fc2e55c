using System.Globalization;

namespace ByzerSharp.Session;

/// <summary>
/// The Joda DateTime behind Byzer's predefined <c>date</c> variable, for the calls scripts use:
/// <c>plusDays(n)</c>/<c>minusDays(n)</c> (also Weeks, Months, Years, Hours, Minutes, Seconds) chained,
/// then <c>toString("pattern")</c>; with no <c>toString</c> the ISO form Joda prints.
/// </summary>
public static class DateExpression
{
    /// <summary>Where a <c>.method(…)</c> chain after <c>$date</c> ends (for the brace-less form).</summary>
    public static int ChainEnd(string text, int from)
    {
        var i = from;
        while (i + 1 < text.Length && text[i] == '.' && char.IsAsciiLetter(text[i + 1]))
        {
            var open = i + 1;
            while (open < text.Length && char.IsAsciiLetter(text[open]))
            {
                open++;
            }
            if (open >= text.Length || text[open] != '(')
            {
                return i;
            }
            var close = CloseParen(text, open);
            if (close < 0)
            {
                return i;
            }
            i = close + 1;
        }
        return i;
    }

    public static bool TryEvaluate(DateTimeOffset now, string chain, out string value)
    {
        value = "";
        var current = now;
        var i = 0;
        while (i < chain.Length)
        {
            if (chain[i] != '.')
            {
                return false;
            }
            var open = chain.IndexOf('(', i);
            var close = open < 0 ? -1 : CloseParen(chain, open);
            if (close < 0)
            {
                return false;
            }
            var method = chain[(i + 1)..open].Trim();
            var argument = chain[(open + 1)..close].Trim();
            i = close + 1;
            if (method == "toString")
            {
                if (i != chain.Length)
                {
                    return false;
                }
                if (argument.Length == 0)
                {
                    break;
                }
                if (argument.Length < 2 || argument[0] is not ('"' or '\'') || argument[^1] != argument[0])
                {
                    return false;
                }
                value = JodaFormat.Format(current.DateTime, argument[1..^1]);
                return true;
            }
            if (!int.TryParse(argument, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || Shift(current, method, n) is not { } shifted)
            {
                return false;
            }
            current = shifted;
        }
        value = current.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        return true;
    }

    private static DateTimeOffset? Shift(DateTimeOffset d, string method, int n) => method switch
    {
        "plusDays" => d.AddDays(n),
        "minusDays" => d.AddDays(-n),
        "plusWeeks" => d.AddDays(7 * n),
        "minusWeeks" => d.AddDays(-7 * n),
        "plusMonths" => d.AddMonths(n),
        "minusMonths" => d.AddMonths(-n),
        "plusYears" => d.AddYears(n),
        "minusYears" => d.AddYears(-n),
        "plusHours" => d.AddHours(n),
        "minusHours" => d.AddHours(-n),
        "plusMinutes" => d.AddMinutes(n),
        "minusMinutes" => d.AddMinutes(-n),
        "plusSeconds" => d.AddSeconds(n),
        "minusSeconds" => d.AddSeconds(-n),
        _ => null,
    };

    private static int CloseParen(string text, int open)
    {
        var quote = '\0';
        for (var j = open + 1; j < text.Length; j++)
        {
            var ch = text[j];
            if (quote != '\0')
            {
                quote = ch == quote ? '\0' : quote;
            }
            else if (ch is '"' or '\'')
            {
                quote = ch;
            }
            else if (ch == ')')
            {
                return j;
            }
        }
        return -1;
    }
}
