using ByzerSharp.DuckDb.Native;
using DuckDB.NET.Data;

namespace ByzerSharp.ScriptUdf.Functions;

/// <summary>Registers a <see cref="ScalarUdf"/> as a DuckDB scalar function through the C API.</summary>
internal static class DuckScalarFunction
{
    /// <summary>Creates function <paramref name="name"/> on the connection; DuckDB owns the UDF until the database closes.</summary>
    public static void Register(DuckDBConnection connection, string name, ScalarUdf udf) =>
        NativeScalarFunction.Register(
            connection, name, udf.Signature.Parameters.Select(p => p.Spark).ToArray(), udf.Signature.Return, new Chunks(udf));

    /// <summary>The UDF's compiled loop over each chunk; a failure names the user's line and row.</summary>
    private sealed class Chunks(ScalarUdf udf) : IScalarChunkFunction, IDisposable
    {
        public void Execute(ReadOnlySpan<IntPtr> inputs, IntPtr output, ulong rows) => udf.Execute(inputs, output, rows);

        public string DescribeError(Exception error, ReadOnlySpan<IntPtr> inputs, IntPtr output, ulong rows) =>
            UdfError.Describe(udf, error, udf.Rerun(inputs, output, rows));

        public void Dispose() => udf.Dispose();
    }
}
