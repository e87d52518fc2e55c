using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

/// <summary><c>register ET.`path` as function [where …]</c></summary>
public sealed record RegisterStatement(SourceSpan Span, Identifier Module, Identifier Path, Identifier FunctionName, OptionList Options)
    : Statement(Span)
{
    public override string Keyword => "register";
}

/// <summary><c>unregister ET.`path` [where …]</c></summary>
public sealed record UnregisterStatement(SourceSpan Span, Identifier Module, Identifier Path, OptionList Options) : Statement(Span)
{
    public override string Keyword => "unregister";
}
