using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

/// <summary><c>include hdfs|local|file.`path` [where …]</c>: replaced by the statements of that script before planning.</summary>
public sealed record IncludeStatement(SourceSpan Span, Identifier Format, Identifier Path, OptionList Options) : Statement(Span)
{
    public override string Keyword => "include";
}
