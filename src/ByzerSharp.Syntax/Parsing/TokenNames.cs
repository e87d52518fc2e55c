using ByzerSharp.Syntax.Generated;

namespace ByzerSharp.Syntax.Parsing;

/// <summary>How tokens are named in error messages: keywords as written, everything else in words.</summary>
internal static class TokenNames
{
    public static string Describe(int type) => type switch
    {
        Antlr4.Runtime.TokenConstants.EOF => "the end of the script",
        ByzerLexer.SEMI => "';'",
        ByzerLexer.DOT => "'.'",
        ByzerLexer.EQ => "'='",
        ByzerLexer.COMMA => "','",
        ByzerLexer.MINUS => "'-'",
        ByzerLexer.SLASH => "'/'",
        ByzerLexer.GT => "'>'",
        ByzerLexer.LT => "'<'",
        ByzerLexer.TILDE => "'~'",
        ByzerLexer.BANG => "'!'",
        ByzerLexer.EXECUTE_COMMAND => "a !command",
        ByzerLexer.STRING => "a quoted string",
        ByzerLexer.BLOCK_STRING => "a '''block string'''",
        ByzerLexer.BACKQUOTED_IDENTIFIER => "a `backquoted` name",
        ByzerLexer.IDENTIFIER => "a name",
        ByzerLexer.ERRORIFEXISTS => "'errorIfExists'",
        ByzerLexer.PARTITIONBY => "'partitionBy'",
        ByzerLexer.UNRECOGNIZED => "an unexpected character",
        _ when IsKeyword(type) =>
            "'" + ByzerLexer.DefaultVocabulary.GetLiteralName(type).Trim('\'') + "'",
        _ => ByzerLexer.DefaultVocabulary.GetDisplayName(type),
    };

    public static bool IsKeyword(int type) => type is >= ByzerLexer.LOAD and <= ByzerLexer.ERRORIFEXISTS;

    /// <summary>The statement keywords, in the order users learn them.</summary>
    public static readonly string[] StatementKeywords =
    [
        "load", "save", "select", "insert", "create", "drop", "refresh", "set", "connect",
        "train", "run", "predict", "register", "unregister", "include",
    ];

    public static bool IsStatementStart(int type) =>
        type is >= ByzerLexer.LOAD and <= ByzerLexer.INCLUDE or ByzerLexer.EXECUTE_COMMAND;

    /// <summary>The expected tokens in words; a name or a backquoted name is just "a name", ';' and EOF are one.</summary>
    public static List<string> DescribeSet(Antlr4.Runtime.Misc.IntervalSet expected)
    {
        var types = expected.ToList().Distinct().ToList();
        if (types.Contains(ByzerLexer.IDENTIFIER))
        {
            types.Remove(ByzerLexer.BACKQUOTED_IDENTIFIER);
        }
        if (types.Contains(ByzerLexer.SEMI))
        {
            types.Remove(Antlr4.Runtime.TokenConstants.EOF);
        }
        return types.Select(Describe).ToList();
    }

    public static string DescribeText(string text) =>
        text.Length > 40 ? "'" + text[..37] + "...'" : "'" + text.Replace("\n", "\\n", StringComparison.Ordinal) + "'";
}
