namespace ByzerSharp.GoldenTests;

public enum RecordKind
{
    StatementOk,
    StatementError,
    StatementWarning,
    Query,
}

/// <summary>
/// One record of a .test file. <see cref="Expected"/> holds the error text (statement error) or
/// the result rows (query); <see cref="ExpectedStart"/>/<see cref="ExpectedEnd"/> locate them for --complete.
/// </summary>
public sealed record GoldenRecord(
    RecordKind Kind,
    int Line,
    string Script,
    string Argument,
    string Types,
    string SortMode,
    IReadOnlyList<string> Expected,
    int ExpectedStart,
    int ExpectedEnd)
{
    /// <summary>Run as a new request (a `new request` line came before it): request-scoped variables are dropped.</summary>
    public bool NewRequest { get; init; }
}
