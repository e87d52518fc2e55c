using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

/// <summary>One argument of a <c>!command</c>: quoted args are unquoted; adjacent raw tokens are glued into one arg.</summary>
public sealed record CommandArg(string Text, QuoteKind Quote, SourceSpan Span);

/// <summary><c>!name arg …</c>: a built-in command or a user macro defined with <c>set</c>.</summary>
public sealed record CommandStatement(SourceSpan Span, Identifier Name, IReadOnlyList<CommandArg> Args) : Statement(Span)
{
    public override string Keyword => "!" + Name.Text;
}
