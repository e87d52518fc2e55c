using ByzerSharp.Syntax.Parsing;

namespace ByzerSharp.Tests.Syntax;

/// <summary>
/// Deterministic random edits of a script at character and token level: the kinds of damage a
/// half-typed or badly pasted script has (lost quotes, doubled tokens, stray ';', '${', non-ASCII…).
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly string[] Inserts =
    [
        "'", "\"", "'''", "`", "``", ";", "/*", "*/", "--", "${", "}", "${x}", "#", "#%python\n", "!", "=", " as ",
        " and ", " where ", ".", ",", "-", "\n", "\t", "\r\n", "é", "中", "\u00a0", "\U0001F600", "\\", "(", ")", " ", "'''+", "/**/",
    ];

    private readonly Random _random = new(seed);

    public string Mutate(string text)
    {
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            text = Once(text);
        }
        return text;
    }

    private string Once(string text)
    {
        if (text.Length == 0)
        {
            return Inserts[_random.Next(Inserts.Length)];
        }
        var tokens = ScriptParser.Lex(text).Where(t => t.StopIndex >= t.StartIndex).ToList();
        var op = _random.Next(10);
        var at = _random.Next(text.Length);
        switch (op)
        {
            case 0:
                return text.Remove(at, 1);
            case 1:
                return text.Insert(at, text[at].ToString());
            case 2 when text.Length > 1:
                {
                    var b = _random.Next(text.Length);
                    var chars = text.ToCharArray();
                    (chars[at], chars[b]) = (chars[b], chars[at]);
                    return new string(chars);
                }
            case 3:
                return text.Insert(at, Inserts[_random.Next(Inserts.Length)]);
            case 4:
                return text[..at];
            case 5 when tokens.Count > 0:
                {
                    var t = tokens[_random.Next(tokens.Count)];
                    return text.Remove(t.StartIndex, t.StopIndex - t.StartIndex + 1);
                }
            case 6 when tokens.Count > 0:
                {
                    var t = tokens[_random.Next(tokens.Count)];
                    return text.Insert(t.StopIndex + 1, " " + t.Text);
                }
            case 7 when tokens.Count > 1:
                {
                    var a = tokens[_random.Next(tokens.Count)];
                    var b = tokens[_random.Next(tokens.Count)];
                    if (a.StartIndex > b.StartIndex)
                    {
                        (a, b) = (b, a);
                    }
                    if (a.StopIndex >= b.StartIndex)
                    {
                        return text;
                    }
                    return text[..a.StartIndex] + b.Text + text[(a.StopIndex + 1)..b.StartIndex] + a.Text + text[(b.StopIndex + 1)..];
                }
            case 8 when tokens.Count > 0:
                {
                    // Case flips exercise the case-insensitive keywords.
                    var t = tokens[_random.Next(tokens.Count)];
                    return text[..t.StartIndex] + t.Text.ToUpperInvariant() + text[(t.StopIndex + 1)..];
                }
            default:
                return text.Insert(at, Inserts[_random.Next(Inserts.Length)]);
        }
    }
}
