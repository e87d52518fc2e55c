using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

/// <summary>insert/create/drop/refresh: passed through to the SQL engine with variables substituted.</summary>
public abstract record SqlStatement(SourceSpan Span) : Statement(Span);

public sealed record InsertStatement(SourceSpan Span) : SqlStatement(Span)
{
    public override string Keyword => "insert";
}

public sealed record CreateStatement(SourceSpan Span) : SqlStatement(Span)
{
    public override string Keyword => "create";
}

public sealed record DropStatement(SourceSpan Span) : SqlStatement(Span)
{
    public override string Keyword => "drop";
}

public sealed record RefreshStatement(SourceSpan Span) : SqlStatement(Span)
{
    public override string Keyword => "refresh";
}
