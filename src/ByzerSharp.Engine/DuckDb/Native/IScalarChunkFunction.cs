namespace ByzerSharp.DuckDb.Native;

/// <summary>
/// The body of a scalar function registered by <see cref="NativeScalarFunction"/>. DuckDB calls it
/// once per chunk (up to 2,048 rows) with the raw, flat argument vectors, so it reads and writes them
/// through <see cref="DuckDbNative"/> with no per-value wrapper. Rows with NULL arguments reach it
/// too: it decides what they give and marks NULL results in the output's validity itself.
/// </summary>
/// <remarks>DuckDB runs chunks on several threads at once, so implementations must be thread-safe.</remarks>
internal interface IScalarChunkFunction
{
    /// <summary>Fills rows 0..<paramref name="rows"/> of <paramref name="output"/> from the argument vectors.</summary>
    void Execute(ReadOnlySpan<IntPtr> inputs, IntPtr output, ulong rows);

    /// <summary>
    /// The text DuckDB fails the query with when <see cref="Execute"/> threw <paramref name="error"/>;
    /// it gets the same chunk, for a function that can say more by looking at it again.
    /// </summary>
    string DescribeError(Exception error, ReadOnlySpan<IntPtr> inputs, IntPtr output, ulong rows) => error.Message;
}
