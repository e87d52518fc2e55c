using ByzerSharp.Diagnostics;

namespace ByzerSharp.Results;

/// <summary>What running a script gives: the last table's rows (null when the last statement produced no table) and the warnings.</summary>
public sealed record ScriptResult(ResultTable? Table, IReadOnlyList<Diagnostic> Warnings);
