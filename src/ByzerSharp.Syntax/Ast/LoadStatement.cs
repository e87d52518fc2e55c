using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

/// <summary><c>load format.`path` [where k="v" and …] as table</c></summary>
public sealed record LoadStatement(SourceSpan Span, Identifier Format, Identifier Path, OptionList Options, Identifier TableName)
    : Statement(Span)
{
    public override string Keyword => "load";
}
