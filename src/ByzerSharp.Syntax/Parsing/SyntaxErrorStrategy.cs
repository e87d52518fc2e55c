using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Parsing;

/// <summary>
/// Stops at the first syntax error (no recovery: one precise message beats a cascade) and hands
/// the failure to <see cref="SyntaxErrorExplainer"/>, which words it for people.
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

    private ByzerException Build(Parser recognizer, IToken token, IntervalSet expected) =>
        new SyntaxErrorExplainer(file, (ITokenStream)recognizer.InputStream, recognizer.Context, token, expected).Explain();
}
