using ByzerSharp.Syntax.Ast;

namespace ByzerSharp.Results;

/// <summary>
/// One executed statement and its wall-clock time (see <see cref="ByzerOptions.OnStatementExecuted"/>). Statements
/// expanded from a macro or an include carry the span of the text they came from.
/// </summary>
public sealed record StatementTiming(Statement Statement, TimeSpan Elapsed);
