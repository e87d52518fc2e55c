using System.Text;
using ByzerSharp.Syntax.Ast;

namespace ByzerSharp.Planning;

/// <summary>Formatting helpers that keep plan text on one line and stable.</summary>
internal static class PlanText
{
    private const int MaxValue = 60;

    public static string Options(OptionList options)
    {
        if (options.Count == 0)
        {
            return "";
        }
        return " {" + string.Join(", ", options.Select(o => o.Key + "=" + Quote(o.Value))) + "}";
    }

    public static string Quote(string value)
    {
        var one = OneLine(value);
        return "\"" + one.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    public static string OneLine(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        var s = sb.ToString();
        return s.Length > MaxValue ? s[..(MaxValue - 3)] + "..." : s;
    }
}
