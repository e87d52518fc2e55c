using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ByzerSharp.SparkSql.Types;
using DuckDB.NET.Data;

namespace ByzerSharp.DuckDb.Native;

/// <summary>
/// Registers an <see cref="IScalarChunkFunction"/> as a DuckDB scalar function through the C API.
/// DuckDB.NET's own registration hands each chunk to per-value readers and writers that cannot write
/// a BLOB or a STRUCT; here the function gets the vectors themselves.
/// </summary>
internal static unsafe class NativeScalarFunction
{
    /// <summary>
    /// Creates function <paramref name="name"/> in <paramref name="connection"/>'s database, which owns
    /// <paramref name="function"/> from then on and disposes it (if it is <see cref="IDisposable"/>) when it closes.
    /// </summary>
    /// <param name="isVolatile">
    /// the result depends on more than the arguments (files, time): DuckDB then neither folds a call
    /// with constant arguments nor reuses one result for equal arguments
    /// </param>
    public static void Register(
        DuckDBConnection connection,
        string name,
        IReadOnlyList<SparkType> parameters,
        SparkType returnType,
        IScalarChunkFunction function,
        bool isVolatile = false)
    {
        var native = DuckDbNative.CreateScalarFunction();
        var handle = GCHandle.Alloc(new Registered(function, parameters.Count));
        var attached = false;
        try
        {
            DuckDbNative.ScalarFunctionSetName(native, name);
            foreach (var parameter in parameters)
            {
                using var type = LogicalType.From(parameter);
                DuckDbNative.ScalarFunctionAddParameter(native, type.Handle);
            }
            using (var type = LogicalType.From(returnType))
            {
                DuckDbNative.ScalarFunctionSetReturnType(native, type.Handle);
            }
            // Both kinds of function give NULL rows their own meaning (a C# int? parameter, a NULL path);
            // without this DuckDB would turn f(NULL) into NULL before calling them.
            DuckDbNative.ScalarFunctionSetSpecialHandling(native);
            if (isVolatile)
            {
                DuckDbNative.ScalarFunctionSetVolatile(native);
            }
            DuckDbNative.ScalarFunctionSetFunction(native, &Callback);
            // From here the function owns the handle: destroying it (below, whether or not DuckDB
            // registers it, or with the database once registered) calls Destroy, which frees it.
            DuckDbNative.ScalarFunctionSetExtraInfo(native, GCHandle.ToIntPtr(handle), &Destroy);
            attached = true;
            if (DuckDbNative.RegisterScalarFunction(connection.NativeConnection.DangerousGetHandle(), native) != 0)
            {
                throw new InvalidOperationException($"DuckDB refused to register function {name}");
            }
        }
        catch
        {
            if (!attached)
            {
                handle.Free();
            }
            throw;
        }
        finally
        {
            DuckDbNative.DestroyScalarFunction(ref native);
        }
    }

    /// <summary>The extra info DuckDB keeps: the function, and how many argument vectors a chunk has.</summary>
    private sealed record Registered(IScalarChunkFunction Function, int Arity);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Callback(IntPtr info, IntPtr chunk, IntPtr output)
    {
        var registered = (Registered)GCHandle.FromIntPtr(DuckDbNative.ScalarFunctionGetExtraInfo(info)).Target!;
        Span<IntPtr> inputs = stackalloc IntPtr[registered.Arity];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = DuckDbNative.DataChunkGetVector(chunk, (ulong)i);
        }
        var rows = DuckDbNative.DataChunkGetSize(chunk);
        try
        {
            registered.Function.Execute(inputs, output, rows);
        }
        catch (Exception e)
        {
            // An exception must not cross into native code: DuckDB fails the query with this text. Describing
            // the error runs the implementer's code again, which may throw too.
            string message;
            try
            {
                message = registered.Function.DescribeError(e, inputs, output, rows);
            }
            catch (Exception)
            {
                message = e.Message;
            }
            DuckDbNative.ScalarFunctionSetError(info, message);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Destroy(IntPtr extraInfo)
    {
        var handle = GCHandle.FromIntPtr(extraInfo);
        ((handle.Target as Registered)?.Function as IDisposable)?.Dispose();
        handle.Free();
    }
}
