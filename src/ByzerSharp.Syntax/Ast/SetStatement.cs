using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

/// <summary><c>set key = value [where type="sql|shell|conf|text|defaultParam" and …]</c></summary>
public sealed record SetStatement(SourceSpan Span, string Key, SourceSpan KeySpan, string Value, QuoteKind ValueQuote, SourceSpan ValueSpan, OptionList Options)
    : Statement(Span)
{
    public override string Keyword => "set";
}
