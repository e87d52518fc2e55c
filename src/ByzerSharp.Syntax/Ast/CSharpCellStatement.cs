using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

/// <summary>One <c>#%key=value</c> line of a cell (value trimmed, as the notebook does).</summary>
public sealed record CellHeader(string Key, string Value, SourceSpan KeySpan, SourceSpan ValueSpan);

/// <summary>
/// A <c>#%csharp</c> notebook cell: its header lines and its C# code. <see cref="Code"/> is the
/// text from the line after the <c>#%csharp</c> line to the end of the body with every header line
/// blanked (spaces), so an offset into it is an offset from <see cref="CodeSpan"/>'s start and
/// compile errors map back to the script's own lines and columns.
/// </summary>
public sealed record CSharpCellStatement(SourceSpan Span, SourceSpan KindSpan, IReadOnlyList<CellHeader> Headers, string Code, SourceSpan CodeSpan) : Statement(Span)
{
    public override string Keyword => "#%csharp";

    /// <summary>The last header with that key (case-insensitive), or null.</summary>
    public CellHeader? Header(string key) => Headers.LastOrDefault(h => string.Equals(h.Key, key, StringComparison.OrdinalIgnoreCase));
}
