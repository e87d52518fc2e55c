using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

/// <summary>A name as written: <see cref="Text"/> has the outer backquotes removed (inner `` are kept, as in Byzer).</summary>
public sealed record Identifier(string Text, SourceSpan Span, bool Backquoted)
{
    public override string ToString() => Text;
}
