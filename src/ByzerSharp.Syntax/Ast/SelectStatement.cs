using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

/// <summary>
/// <c>select … as table</c>. <see cref="Query"/> is the Spark SQL text without the final <c>as table</c>
/// (it starts with the word select); its span lets SQL errors point into the script.
/// </summary>
public sealed record SelectStatement(SourceSpan Span, SourceSpan Query, Identifier TableName) : Statement(Span)
{
    public override string Keyword => "select";
}
