namespace ByzerSharp.SparkSql.Binding;

/// <summary>
/// An error in a select body, located by offset into the SQL text. The engine turns it into a
/// ByzerException pointing into the script (the body's span plus the offset).
/// </summary>
public sealed class SqlError(string message, int offset, int length, string? hint = null, bool runtime = false) : Exception(message)
{
    public int Offset { get; } = offset;

    public int Length { get; } = length;

    public string? Hint { get; } = hint;

    /// <summary>True for errors that only happen at run time (not a mistake in the text).</summary>
    public bool Runtime { get; } = runtime;
}
