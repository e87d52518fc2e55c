using System.Globalization;
using System.Text;
using ByzerSharp.SparkSql.Binding;

namespace ByzerSharp.SparkSql.Lexing;

/// <summary>
/// Spark SQL's lexer rules: `"…"` and `'…'` are strings with backslash escapes, backquotes quote
/// identifiers, `--` and `/* */` are comments, numbers may carry Spark's type suffixes.
/// </summary>
public static class SparkLexer
{
    private static readonly string[] Operators =
        ["<=>", "<>", "!=", "<=", ">=", "==", "||", "->", "=>", "<<", ">>", "::", "=", "<", ">", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", ".", ";", "!", "~", "^", "&", "|", "{", "}", ":"];

    public static List<Token> Tokenize(string sql)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            i = SkipTrivia(sql, i);
            if (i >= sql.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", sql.Length, 0));
                return tokens;
            }
            var c = sql[i];
            var start = i;
            if (c is '\'' or '"')
            {
                tokens.Add(new Token(TokenKind.String, ReadString(sql, ref i), start, i - start));
            }
            else if (c == '`')
            {
                var sb = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= sql.Length)
                    {
                        throw new SqlError("unterminated backquoted identifier", start, 1, "close it with a backquote `");
                    }
                    if (sql[i] == '`')
                    {
                        if (i + 1 < sql.Length && sql[i + 1] == '`')
                        {
                            sb.Append('`');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.Append(sql[i++]);
                }
                tokens.Add(new Token(TokenKind.QuotedIdentifier, sb.ToString(), start, i - start));
            }
            else if ((c is 'x' or 'X') && i + 1 < sql.Length && sql[i + 1] == '\'')
            {
                i++;
                var hex = ReadString(sql, ref i);
                if (hex.Any(h => !char.IsAsciiHexDigit(h)))
                {
                    throw new SqlError($"invalid binary literal X'{hex}'", start, i - start, "a binary literal holds hexadecimal digits only");
                }
                tokens.Add(new Token(TokenKind.Binary, hex, start, i - start));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < sql.Length && char.IsAsciiDigit(sql[i + 1]) && !PreviousIsName(tokens)))
            {
                tokens.Add(ReadNumber(sql, ref i));
            }
            else if (char.IsLetter(c) || c == '_' || c == '$')
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$'))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Identifier, sql[start..i], start, i - start));
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(sql, i, o, 0, o.Length) == 0)
                    ?? throw new SqlError($"unexpected character '{c}'", i, 1, "remove it or quote it");
                i += op.Length;
                tokens.Add(new Token(TokenKind.Operator, op, start, op.Length));
            }
        }
    }

    private static bool PreviousIsName(List<Token> tokens) =>
        tokens.Count > 0 && (tokens[^1].IsName || tokens[^1].IsOp(")") || tokens[^1].IsOp("]"));

    private static int SkipTrivia(string sql, int i)
    {
        while (i < sql.Length)
        {
            if (char.IsWhiteSpace(sql[i]))
            {
                i++;
            }
            else if (sql[i] == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }
            }
            else if (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new SqlError("unterminated comment", i, 2, "close it with */");
                }
                i = end + 2;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    /// <summary>Spark's unescapeSQLString: backslash escapes; a quote never doubles.</summary>
    private static string ReadString(string sql, ref int i)
    {
        var quote = sql[i];
        var start = i;
        i++;
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= sql.Length)
            {
                throw new SqlError("unterminated string literal", start, 1, $"close the string with {quote}");
            }
            var c = sql[i];
            if (c == quote)
            {
                i++;
                return sb.ToString();
            }
            if (c == '\\' && i + 1 < sql.Length)
            {
                var n = sql[i + 1];
                if (n == 'u' && i + 5 < sql.Length && IsHex(sql, i + 2, 4))
                {
                    sb.Append((char)int.Parse(sql.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 6;
                    continue;
                }
                if (n is >= '0' and <= '3' && i + 3 < sql.Length && IsOctal(sql[i + 2]) && IsOctal(sql[i + 3]))
                {
                    sb.Append((char)Convert.ToInt32(sql.Substring(i + 1, 3), 8));
                    i += 4;
                    continue;
                }
                switch (n)
                {
                    case '0': sb.Append('\0'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'Z': sb.Append('\u001A'); break;
                    // Kept for LIKE patterns.
                    case '%': sb.Append("\\%"); break;
                    case '_': sb.Append("\\_"); break;
                    default: sb.Append(n); break;
                }
                i += 2;
                continue;
            }
            sb.Append(c);
            i++;
        }
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';

    private static bool IsHex(string s, int at, int count)
    {
        for (var k = 0; k < count; k++)
        {
            if (!char.IsAsciiHexDigit(s[at + k]))
            {
                return false;
            }
        }
        return true;
    }

    private static Token ReadNumber(string sql, ref int i)
    {
        var start = i;
        while (i < sql.Length && char.IsAsciiDigit(sql[i]))
        {
            i++;
        }
        if (i < sql.Length && sql[i] == '.' && !(i + 1 < sql.Length && sql[i + 1] == '.'))
        {
            i++;
            while (i < sql.Length && char.IsAsciiDigit(sql[i]))
            {
                i++;
            }
        }
        if (i < sql.Length && sql[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < sql.Length && sql[j] is '+' or '-')
            {
                j++;
            }
            if (j < sql.Length && char.IsAsciiDigit(sql[j]))
            {
                i = j;
                while (i < sql.Length && char.IsAsciiDigit(sql[i]))
                {
                    i++;
                }
            }
        }
        // Type suffixes: 1L 1S 1Y 1D 1F 1BD, not followed by more name characters (1day is a name).
        foreach (var suffix in new[] { "BD", "L", "S", "Y", "D", "F" })
        {
            if (i + suffix.Length <= sql.Length && string.Compare(sql, i, suffix, 0, suffix.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (i + suffix.Length == sql.Length || !(char.IsLetterOrDigit(sql[i + suffix.Length]) || sql[i + suffix.Length] == '_')))
            {
                i += suffix.Length;
                break;
            }
        }
        if (i < sql.Length && (char.IsLetter(sql[i]) || sql[i] == '_'))
        {
            // Spark allows identifiers that start with digits (`1a`): read it as a name.
            while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'))
            {
                i++;
            }
            return new Token(TokenKind.Identifier, sql[start..i], start, i - start);
        }
        return new Token(TokenKind.Number, sql[start..i], start, i - start);
    }
}
