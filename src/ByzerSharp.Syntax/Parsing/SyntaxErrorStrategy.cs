using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Generated;
using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Parsing;

/// <summary>
/// Stops at the first syntax error and turns ANTLR's report into a message that says what was
/// expected in words and, where we can guess, what to write instead.
/// </summary>
internal sealed class SyntaxErrorStrategy(SourceFile file) : DefaultErrorStrategy
{
    public override void Recover(Parser recognizer, RecognitionException e) => throw Build(recognizer, e.OffendingToken, Expected(recognizer, e));

    public override IToken RecoverInline(Parser recognizer) =>
        throw Build(recognizer, recognizer.CurrentToken, recognizer.GetExpectedTokens());

    public override void Sync(Parser recognizer)
    {
        // Recovery is never attempted, so there is nothing to synchronise to; errors surface
        // from Match/adaptivePredict and are reported precisely there.
    }

    public override void ReportError(Parser recognizer, RecognitionException e) =>
        throw Build(recognizer, e.OffendingToken, Expected(recognizer, e));

    private static IntervalSet Expected(Parser recognizer, RecognitionException e)
    {
        try
        {
            return e.GetExpectedTokens() ?? recognizer.GetExpectedTokens();
        }
        catch (ArgumentException)
        {
            return recognizer.GetExpectedTokens();
        }
    }

    private ByzerException Build(Parser recognizer, IToken token, IntervalSet expected)
    {
        var span = SpanOf(token);
        var found = token.Type == TokenConstants.EOF ? "the end of the script" : TokenNames.DescribeText(token.Text);
        var context = recognizer.Context;

        // At the start of a statement: the most common mistake is a misspelt keyword.
        if (context is ByzerParser.StatementContext or ByzerParser.ScriptContext && token.Type != TokenConstants.EOF)
        {
            string? hint = null;
            if (token.Type == ByzerLexer.IDENTIFIER && Suggest.Closest(token.Text, TokenNames.StatementKeywords) is { } keyword)
            {
                hint = $"did you mean '{keyword}'?";
            }
            else if (token.Text == "#")
            {
                hint = "'#' does not start a comment in Byzer; use -- or /* */ (cells start with a '#%csharp' line)";
            }
            else if (PreviousStatementLooksUnfinished(recognizer))
            {
                hint = "did the previous statement miss its ';'?";
            }
            return ByzerException.Syntax(
                $"expected a statement ({string.Join(", ", TokenNames.StatementKeywords)} or !command) but found {found}",
                span,
                hint ?? "every statement starts with one of these keywords and ends with ';'");
        }

        var expectedNames = expected.ToList().Distinct().Select(TokenNames.Describe).ToList();
        var message = expectedNames.Count switch
        {
            0 => $"unexpected {found}",
            1 => $"expected {expectedNames[0]} but found {found}",
            _ => $"expected one of {string.Join(", ", expectedNames)} but found {found}",
        };

        string? help = null;
        if (context is ByzerParser.OptionValueContext || (expected.Contains(ByzerLexer.STRING) && expected.Contains(ByzerLexer.BLOCK_STRING) && !expected.Contains(ByzerLexer.IDENTIFIER)))
        {
            var key = (context as ByzerParser.OptionValueContext)?.Parent is ByzerParser.OptionContext o ? o.qualifiedName().GetText() : "key";
            message = $"option values must be quoted, but found {found}";
            help = $"write {key}=\"{(token.Type == TokenConstants.EOF ? "value" : token.Text)}\"";
        }
        else if (token.Type == ByzerLexer.MINUS && expected.Contains(ByzerLexer.EQ))
        {
            help = "names containing '-' must be backquoted, e.g. `driver-memory`=\"2g\"";
        }
        else if (expected.Contains(ByzerLexer.SEMI) && token.Type != TokenConstants.EOF)
        {
            help = "did the statement miss its ';'?";
        }
        else if (context is ByzerParser.PathContext || (expected.Contains(ByzerLexer.BACKQUOTED_IDENTIFIER) && expected.Contains(ByzerLexer.IDENTIFIER) && recognizer.InputStream.LA(-1) == ByzerLexer.DOT))
        {
            help = "paths are written in backquotes: format.`/path/to/data`";
        }
        else if (token.Type == ByzerLexer.UNRECOGNIZED || token.Type == ByzerLexer.BANG)
        {
            help = "quote the value (\"…\") or wrap the name in backquotes";
        }
        return ByzerException.Syntax(message, span, help);
    }

    private static bool PreviousStatementLooksUnfinished(Parser recognizer)
    {
        var previous = ((ITokenStream)recognizer.InputStream).LT(-1);
        return previous is not null && previous.Type != ByzerLexer.SEMI;
    }

    private SourceSpan SpanOf(IToken token)
    {
        if (token.Type == TokenConstants.EOF)
        {
            // Point just after the last visible character, so the caret lands at the end of the text.
            var end = file.Text.TrimEnd().Length;
            return new SourceSpan(file, end, 0);
        }
        return new SourceSpan(file, token.StartIndex, Math.Max(1, token.StopIndex - token.StartIndex + 1));
    }
}
