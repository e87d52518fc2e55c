using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

public enum SaveMode
{
    ErrorIfExists,
    Overwrite,
    Append,
    Ignore,
}

/// <summary><c>save [mode] table as format.`path` [where …] [partitionBy a,b]</c></summary>
public sealed record SaveStatement(
    SourceSpan Span,
    SaveMode Mode,
    Identifier TableName,
    Identifier Format,
    Identifier Path,
    OptionList Options,
    IReadOnlyList<Identifier> PartitionBy) : Statement(Span)
{
    public override string Keyword => "save";
}
