using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

/// <summary>
/// The base of every statement record. <see cref="Span"/> covers the statement without its ';'.
/// Each kind keeps its name through every layer: LoadStatement → PlanLoad → LoadExecutor.
/// </summary>
public abstract record Statement(SourceSpan Span)
{
    /// <summary>The statement's source text, exactly as written.</summary>
    public string Text => Span.Text;

    /// <summary>The keyword users know the statement by (load, save, select, …).</summary>
    public abstract string Keyword { get; }
}
