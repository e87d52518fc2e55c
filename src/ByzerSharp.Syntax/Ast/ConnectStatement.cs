using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

/// <summary><c>connect format where … [as name]</c>: stores options for later load/save of <c>format.`name.table`</c>.</summary>
public sealed record ConnectStatement(SourceSpan Span, Identifier Format, OptionList Options, Identifier? ConnectionName)
    : Statement(Span)
{
    public override string Keyword => "connect";
}
