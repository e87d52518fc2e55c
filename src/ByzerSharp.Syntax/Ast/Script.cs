using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

/// <summary>A parsed script: its statements in order.</summary>
public sealed record Script(SourceFile File, IReadOnlyList<Statement> Statements);
