namespace ByzerSharp.Delta.Read;

public enum FilterOp
{
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    IsNull,
}

/// <summary>
/// A conjunct <c>column op literal</c> a scan may use to prune partitions and skip files. Files are only
/// dropped when the log proves no row can match; the filter must still be applied to the rows read.
/// </summary>
/// <param name="Value">The literal in Delta's text form (as in partitionValues): "42", "2021-01-01", "abc".</param>
public sealed record ColumnFilter(string Column, FilterOp Op, string? Value = null);
