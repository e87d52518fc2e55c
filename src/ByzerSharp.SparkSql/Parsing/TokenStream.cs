using ByzerSharp.SparkSql.Ast;
using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Lexing;

namespace ByzerSharp.SparkSql.Parsing;

/// <summary>Cursor over the tokens with the expect/accept helpers the parser uses.</summary>
internal sealed class TokenStream(List<Token> tokens)
{
    private int _index;

    public Token Current => tokens[_index];

    public Token Peek(int ahead = 1) => tokens[Math.Min(_index + ahead, tokens.Count - 1)];

    public Token Previous => tokens[Math.Max(_index - 1, 0)];

    public int Mark => _index;

    public void Reset(int mark) => _index = mark;

    public Token Next()
    {
        var t = tokens[_index];
        if (_index < tokens.Count - 1)
        {
            _index++;
        }
        return t;
    }

    public bool Accept(string keyword)
    {
        if (Current.Is(keyword))
        {
            Next();
            return true;
        }
        return false;
    }

    public bool AcceptOp(string op)
    {
        if (Current.IsOp(op))
        {
            Next();
            return true;
        }
        return false;
    }

    public Token Expect(string keyword)
    {
        if (!Current.Is(keyword))
        {
            throw Error($"expected {keyword.ToUpperInvariant()} but found {Current}");
        }
        return Next();
    }

    public Token ExpectOp(string op)
    {
        if (!Current.IsOp(op))
        {
            throw Error($"expected '{op}' but found {Current}");
        }
        return Next();
    }

    public SqlError Error(string message, string? hint = null) =>
        new(message, Current.Start, Math.Max(1, Current.Length), hint ?? "check the SQL near this point");

    /// <summary>The span from a start offset to the end of the last consumed token.</summary>
    public Pos From(int start) => new(start, Math.Max(0, Previous.End - start));
}
