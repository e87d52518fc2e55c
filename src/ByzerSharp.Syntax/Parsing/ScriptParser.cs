using Antlr4.Runtime;
using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Syntax.Generated;
using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Parsing;

/// <summary>Entry point of the front end: text → <see cref="Script"/>, or a <see cref="ByzerException"/> of kind Syntax.</summary>
public static class ScriptParser
{
    public static Script Parse(string text, string path = "<script>") => Parse(new SourceFile(path, text));

    public static Script Parse(SourceFile file)
    {
        var tokens = Tokenize(file);
        CheckUnterminated(file, tokens);
        ByzerParser.ScriptContext tree;
        try
        {
            // SLL prediction is fast and exact for valid input; only a failure needs the full LL
            // pass to tell a real error from an SLL limitation (ANTLR's two-stage strategy).
            tree = ParseTree(file, tokens, Antlr4.Runtime.Atn.PredictionMode.SLL);
        }
        catch (ByzerException)
        {
            tokens.Seek(0);
            tree = ParseTree(file, tokens, Antlr4.Runtime.Atn.PredictionMode.LL);
        }
        return new Script(file, new AstBuilder(file).Build(tree));
    }

    private static ByzerParser.ScriptContext ParseTree(SourceFile file, CommonTokenStream tokens, Antlr4.Runtime.Atn.PredictionMode mode)
    {
        var parser = new ByzerParser(tokens)
        {
            ErrorHandler = new SyntaxErrorStrategy(file),
        };
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = mode;
        try
        {
            return parser.script();
        }
        catch (RecognitionException e)
        {
            // Only reachable if ANTLR bypasses the error strategy; keep the no-stack-trace promise.
            throw ByzerException.Syntax("unexpected " + TokenNames.DescribeText(e.OffendingToken?.Text ?? "input"), new SourceSpan(file, e.OffendingToken?.StartIndex ?? 0, 1));
        }
    }

    /// <summary>All tokens of the text on every channel (used by the REPL and the golden runner to find statement ends).</summary>
    public static IReadOnlyList<IToken> Lex(string text)
    {
        var lexer = new ByzerLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        return lexer.GetAllTokens().ToList();
    }

    /// <summary>
    /// Splits text into statement texts at the script's own ';' (never inside quotes, backquotes,
    /// comments or cells) and after each cell closed by #%end. The remainder after the last ';' is returned separately.
    /// </summary>
    public static (IReadOnlyList<(int Start, int End)> Statements, string Remainder) SplitStatements(string text)
    {
        var result = new List<(int, int)>();
        var start = 0;
        foreach (var token in Lex(text))
        {
            if (token.Type == ByzerLexer.SEMI || (token.Type == ByzerLexer.CELL && CellReader.IsClosed(token.Text)))
            {
                result.Add((start, token.StopIndex + 1));
                start = token.StopIndex + 1;
            }
        }
        return (result, text[start..]);
    }

    /// <summary>True when the text ends a statement: its last significant token is ';' (or a cell closed by #%end) and nothing is left open.</summary>
    public static bool IsComplete(string text)
    {
        IToken? last = null;
        foreach (var token in Lex(text))
        {
            if (token.Type is ByzerLexer.UNTERMINATED_BLOCK_STRING or ByzerLexer.UNTERMINATED_STRING
                or ByzerLexer.UNTERMINATED_BACKQUOTE or ByzerLexer.UNTERMINATED_COMMENT)
            {
                return false;
            }
            if (token.Channel == Lexer.DefaultTokenChannel)
            {
                last = token;
            }
        }
        return last is not null && (last.Type == ByzerLexer.SEMI || (last.Type == ByzerLexer.CELL && CellReader.IsClosed(last.Text)));
    }

    private static CommonTokenStream Tokenize(SourceFile file)
    {
        var lexer = new ByzerLexer(new AntlrInputStream(file.Text));
        lexer.RemoveErrorListeners();
        var tokens = new CommonTokenStream(new CellSeparatorTokenSource(lexer));
        tokens.Fill();
        return tokens;
    }

    private static void CheckUnterminated(SourceFile file, CommonTokenStream tokens)
    {
        foreach (var token in tokens.GetTokens())
        {
            var what = token.Type switch
            {
                ByzerLexer.UNTERMINATED_BLOCK_STRING => ("block string", "'''"),
                ByzerLexer.UNTERMINATED_STRING => ("string", token.Text[..1]),
                ByzerLexer.UNTERMINATED_BACKQUOTE => ("backquoted name", "`"),
                ByzerLexer.UNTERMINATED_COMMENT => ("comment", "*/"),
                _ => default,
            };
            if (what.Item1 is not null)
            {
                var width = Math.Min(token.Text.Length, what.Item1 == "block string" ? 3 : 1);
                throw ByzerException.Syntax(
                    $"unterminated {what.Item1}",
                    new SourceSpan(file, token.StartIndex, what.Item1 == "comment" ? 2 : width),
                    UnterminatedHint(token, what.Item1, what.Item2));
            }
        }
    }

    private static string UnterminatedHint(IToken token, string what, string closer)
    {
        if (what == "block string" && token.Text.StartsWith("''''''", StringComparison.Ordinal))
        {
            return "'''''' is not an empty block string (a block string holds at least one character); write \"\" for an empty value";
        }
        var open = what == "comment" ? "/*" : closer;
        return $"close it with {closer}; everything from this {open} to the end of the script was read as part of it";
    }
}
