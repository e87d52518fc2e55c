using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

public enum TrainKind
{
    Train,
    Run,
    Predict,
}

/// <summary><c>train|run|predict input as ET.`path` [where …] [as output]</c></summary>
public sealed record TrainStatement(
    SourceSpan Span,
    TrainKind Kind,
    Identifier InputTable,
    Identifier Module,
    Identifier Path,
    OptionList Options,
    Identifier? OutputTable) : Statement(Span)
{
    public override string Keyword => Kind.ToString().ToLowerInvariant();
}
