namespace ByzerSharp.SparkSql.Lexing;

public enum TokenKind
{
    Identifier,
    QuotedIdentifier,
    String,
    Number,
    Binary,
    Operator,
    End,
}

/// <summary>
/// A Spark SQL token. <see cref="Text"/> is the source text except for strings (the unescaped
/// value) and quoted identifiers (the name without backquotes). Offsets are into the select body.
/// </summary>
public sealed record Token(TokenKind Kind, string Text, int Start, int Length)
{
    public int End => Start + Length;

    /// <summary>A bare word equal to the keyword (case-insensitive); backquoted names are never keywords.</summary>
    public bool Is(string keyword) => Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsOp(string op) => Kind == TokenKind.Operator && Text == op;

    public bool IsName => Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier;

    public override string ToString() => Kind == TokenKind.End ? "end of input" : $"'{Text}'";
}
