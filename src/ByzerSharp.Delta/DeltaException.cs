namespace ByzerSharp.Delta;

/// <summary>What kind of failure, so that callers can map it (the Byzer layer turns Usage into a semantic error).</summary>
public enum DeltaErrorKind
{
    /// <summary>The table, a version or a file does not exist.</summary>
    NotFound,

    /// <summary>The log is broken: gaps, missing protocol/metadata, unparsable commits.</summary>
    Corrupt,

    /// <summary>The table uses a protocol feature this implementation does not support.</summary>
    Unsupported,

    /// <summary>A concurrent commit conflicts with this one.</summary>
    Conflict,

    /// <summary>The request itself is wrong (schema mismatch, bad option, existing table).</summary>
    Usage,
}

/// <summary>A Delta protocol or usage error with a hint saying what to do.</summary>
public sealed class DeltaException(DeltaErrorKind kind, string message, string? hint = null, Exception? inner = null)
    : Exception(message, inner)
{
    public DeltaErrorKind Kind { get; } = kind;

    public string? Hint { get; } = hint;
}
