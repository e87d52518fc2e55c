using System.Globalization;
using System.Text;

namespace ByzerSharp.Session;

/// <summary>
/// Byzer's ${var} substitution (Velocity in the original): <c>${name}</c>, <c>$name</c> and
/// <c>${date.toString("yyyyMMdd")}</c>. Unknown references stay exactly as written and are
/// reported to <see cref="OnUnknown"/>, so a script can still use '$' in regexes and SQL.
/// Velocity directives (#if, ##) are deliberately not interpreted: code blocks stay intact.
/// </summary>
public sealed class TemplateRenderer(VariableStore variables)
{
    /// <summary>Called with the unknown name and its offset in the text.</summary>
    public Action<string, int>? OnUnknown { get; set; }

    /// <summary>Renders <paramref name="text"/>; with <paramref name="forSelect"/> un_select variables are invisible.</summary>
    public string Render(string text, bool forSelect = false)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '$' || i + 1 >= text.Length)
            {
                sb.Append(c);
                i++;
                continue;
            }
            // Velocity's escape: \$x stays literal.
            if (i > 0 && text[i - 1] == '\\')
            {
                sb.Append(c);
                i++;
                continue;
            }
            if (text[i + 1] == '{')
            {
                var close = FindClose(text, i + 2);
                if (close < 0)
                {
                    sb.Append(c);
                    i++;
                    continue;
                }
                var inner = text[(i + 2)..close];
                if (TryEvaluate(inner.Trim(), forSelect, out var value))
                {
                    sb.Append(value);
                }
                else
                {
                    OnUnknown?.Invoke(inner.Trim(), i);
                    sb.Append(text, i, close - i + 1);
                }
                i = close + 1;
                continue;
            }
            if (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '_')
            {
                var end = i + 1;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-'))
                {
                    end++;
                }
                var name = text[(i + 1)..end];
                if (Lookup(name, forSelect) is { } v)
                {
                    sb.Append(v);
                }
                else
                {
                    sb.Append(text, i, end - i);
                }
                i = end;
                continue;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    private static int FindClose(string text, int from)
    {
        var depth = 0;
        var quote = '\0';
        for (var j = from; j < text.Length; j++)
        {
            var ch = text[j];
            if (quote != '\0')
            {
                if (ch == quote)
                {
                    quote = '\0';
                }
                continue;
            }
            switch (ch)
            {
                case '"' or '\'':
                    quote = ch;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '}' when depth <= 0:
                    return j;
                case '\n':
                    return -1;
            }
        }
        return -1;
    }

    private string? Lookup(string name, bool forSelect)
    {
        if (variables.TryGet(name, out var v) && !(forSelect && v.HiddenFromSelect))
        {
            return v.Value;
        }
        return null;
    }

    private bool TryEvaluate(string expression, bool forSelect, out string value)
    {
        if (Lookup(expression, forSelect) is { } v)
        {
            value = v;
            return true;
        }
        // ${date.toString("yyyyMMdd")}: the one method call Byzer scripts commonly use.
        const string prefix = "date.toString(";
        if (expression.StartsWith(prefix, StringComparison.Ordinal) && expression.EndsWith(')'))
        {
            var arg = expression[prefix.Length..^1].Trim();
            if (arg.Length >= 2 && (arg[0] == '"' || arg[0] == '\'') && arg[^1] == arg[0])
            {
                value = JodaFormat.Format(variables.Now, arg[1..^1]);
                return true;
            }
        }
        if (expression == "date")
        {
            value = variables.Now.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
            return true;
        }
        value = "";
        return false;
    }
}
