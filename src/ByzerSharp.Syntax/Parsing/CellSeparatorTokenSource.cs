using Antlr4.Runtime;
using ByzerSharp.Syntax.Generated;

namespace ByzerSharp.Syntax.Parsing;

/// <summary>
/// The lexer's tokens with a zero-width ';' after every CELL token, so a cell ends its statement
/// like ';' does while the parser keeps its one statement-separator rule (and the syntax errors
/// explained from it). Only the parser sees these; <see cref="ScriptParser.Lex"/> does not.
/// </summary>
internal sealed class CellSeparatorTokenSource(ByzerLexer lexer) : ITokenSource
{
    private IToken? _pending;

    public int Line => lexer.Line;

    public int Column => lexer.Column;

    public ICharStream InputStream => (ICharStream)lexer.InputStream;

    public string SourceName => lexer.SourceName;

    public ITokenFactory TokenFactory
    {
        get => lexer.TokenFactory;
        set => lexer.TokenFactory = value;
    }

    public IToken NextToken()
    {
        if (_pending is { } pending)
        {
            _pending = null;
            return pending;
        }
        var token = lexer.NextToken();
        if (token.Type == ByzerLexer.CELL)
        {
            _pending = new CommonToken(Tuple.Create<ITokenSource, ICharStream>(this, InputStream), ByzerLexer.SEMI, Lexer.DefaultTokenChannel, token.StopIndex + 1, token.StopIndex)
            {
                Text = ";",
                Line = lexer.Line,
                Column = lexer.Column,
            };
        }
        return token;
    }
}
