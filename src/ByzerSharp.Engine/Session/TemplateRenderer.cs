using System.Text;

namespace ByzerSharp.Session;

/// <summary>
/// An unresolved <c>${…}</c>: its name, where it starts in the rendered text, its length, whether
/// the variable exists but is hidden from select bodies (<c>visibility="un_select"</c>), and the
/// variable whose value held the reference when it came from one (<see cref="Via"/>).
/// </summary>
public readonly record struct UnknownReference(string Name, int Offset, int Length, bool HiddenFromSelect, string? Via = null);

/// <summary>
/// Byzer's ${var} substitution (Velocity in the original): <c>${name}</c>, <c>$name</c>,
/// <c>$!{name}</c> (empty when unknown), <c>\${name}</c> (literal), and expressions on the
/// predefined <c>date</c> such as <c>${date.minusDays(1).toString("yyyyMMdd")}</c>.
/// Unknown references stay exactly as written; only <c>${…}</c> forms whose content looks like a
/// Velocity reference are reported to <see cref="OnUnknown"/>, so '$' in regexes, DuckDB's
/// <c>$1</c>/<c>$$…$$</c> and Java-style <c>${1}</c> group references stay silent.
/// Velocity directives (#if, #set, ##) are deliberately not interpreted: code blocks stay intact.
/// </summary>
public sealed class TemplateRenderer(VariableStore variables, IReadOnlyDictionary<string, string>? overlay = null)
{
    /// <summary>Called for each unresolved <c>${…}</c> reference.</summary>
    public Action<UnknownReference>? OnUnknown { get; set; }

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
            if (c == '\\' && i + 1 < text.Length && text[i + 1] == '$' && Parse(text, i + 1) is { } escaped)
            {
                // Velocity's escape: \$x prints $x literally when x is defined, else stays as written.
                var defined = Evaluate(escaped, forSelect, out _) == Outcome.Value;
                sb.Append(text, defined ? i + 1 : i, escaped.End - (defined ? i + 1 : i));
                i = escaped.End;
                continue;
            }
            if (c != '$' || Parse(text, i) is not { } reference)
            {
                sb.Append(c);
                i++;
                continue;
            }
            var outcome = Evaluate(reference, forSelect, out var value);
            if (outcome == Outcome.Value)
            {
                sb.Append(value);
                ReportUnresolvedInside(value, reference, i, forSelect);
            }
            else if (!reference.Quiet)
            {
                // (A quiet reference, $!{x}, renders nothing when x is undefined.)
                if (reference.Braced)
                {
                    OnUnknown?.Invoke(new UnknownReference(reference.Name, i, reference.End - i, outcome == Outcome.Hidden));
                }
                sb.Append(text, i, reference.End - i);
            }
            i = reference.End;
        }
        return sb.ToString();
    }

    /// <summary>
    /// A value is inserted as it is (one pass, like Velocity), so a reference left in it, such as
    /// <c>set b="${a}/x"</c> with no <c>a</c>, is reported at the place that used the value.
    /// </summary>
    private void ReportUnresolvedInside(string value, Reference outer, int offset, bool forSelect)
    {
        if (OnUnknown is null || !value.Contains("${", StringComparison.Ordinal))
        {
            return;
        }
        for (var j = value.IndexOf('$', StringComparison.Ordinal); j >= 0; j = value.IndexOf('$', j + 1))
        {
            if (Parse(value, j) is { Braced: true, Quiet: false } inner && Evaluate(inner, forSelect, out _) != Outcome.Value)
            {
                OnUnknown(new UnknownReference(inner.Name, offset, outer.End - offset, false, outer.Name));
            }
        }
    }

    private enum Outcome
    {
        Value,
        Unknown,
        Hidden,
    }

    /// <summary>A reference found at a '$': the variable name, an optional method chain, where it ends.</summary>
    private sealed record Reference(string Name, string Chain, bool Braced, bool Quiet, int End);

    private static Reference? Parse(string text, int dollar)
    {
        var i = dollar + 1;
        var quiet = i < text.Length && text[i] == '!';
        if (quiet)
        {
            i++;
        }
        if (i < text.Length && text[i] == '{')
        {
            var close = FindClose(text, i + 1);
            if (close < 0)
            {
                return null;
            }
            var inner = text[(i + 1)..close].Trim();
            var nameEnd = NameEnd(inner, 0);
            if (nameEnd == 0)
            {
                return null;
            }
            return new Reference(inner[..nameEnd], inner[nameEnd..], true, quiet, close + 1);
        }
        var end = NameEnd(text, i);
        if (end == i)
        {
            return null;
        }
        var name = text[i..end];
        var chainEnd = name == "date" ? DateExpression.ChainEnd(text, end) : end;
        return new Reference(name, text[end..chainEnd], false, quiet, chainEnd);
    }

    /// <summary>Velocity identifiers: a letter or '_' then letters, digits and '_'.</summary>
    private static int NameEnd(string text, int start)
    {
        if (start >= text.Length || !(char.IsAsciiLetter(text[start]) || text[start] == '_'))
        {
            return start;
        }
        var end = start + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }
        return end;
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
                case '\n' or '{':
                    return -1;
            }
        }
        return -1;
    }

    private Outcome Evaluate(Reference reference, bool forSelect, out string value)
    {
        value = "";
        var chain = reference.Chain.Trim();
        if (overlay is not null && overlay.TryGetValue(reference.Name, out var given))
        {
            value = given;
            return chain.Length == 0 ? Outcome.Value : Outcome.Unknown;
        }
        // set keys may be dotted (spark.sql.shuffle.partitions); Velocity would read ${a.b} as a
        // property and never find them, ByzerSharp looks the whole dotted name up first.
        if (reference.Braced && chain.Length > 0 && !chain.Contains('(', StringComparison.Ordinal)
            && variables.TryGet(reference.Name + chain, out var dotted))
        {
            if (forSelect && dotted.HiddenFromSelect)
            {
                return Outcome.Hidden;
            }
            value = dotted.Value;
            return Outcome.Value;
        }
        if (variables.TryGet(reference.Name, out var v))
        {
            if (forSelect && v.HiddenFromSelect)
            {
                return Outcome.Hidden;
            }
            value = v.Value;
            return chain.Length == 0 ? Outcome.Value : Outcome.Unknown;
        }
        if (reference.Name == "date" && DateExpression.TryEvaluate(variables.NowWithOffset, chain, out value))
        {
            return Outcome.Value;
        }
        return Outcome.Unknown;
    }
}
