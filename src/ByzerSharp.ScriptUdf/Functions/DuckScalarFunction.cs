using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ByzerSharp.DuckDb.Native;
using DuckDB.NET.Data;

namespace ByzerSharp.ScriptUdf.Functions;

/// <summary>Registers a <see cref="ScalarUdf"/> as a DuckDB scalar function through the C API.</summary>
internal static unsafe class DuckScalarFunction
{
    /// <summary>Creates function <paramref name="name"/> on the connection; DuckDB owns the UDF until the database closes.</summary>
    public static void Register(DuckDBConnection connection, string name, ScalarUdf udf)
    {
        var function = DuckDbNative.CreateScalarFunction();
        var handle = GCHandle.Alloc(udf);
        try
        {
            DuckDbNative.ScalarFunctionSetName(function, name);
            foreach (var parameter in udf.Signature.Parameters)
            {
                using var type = LogicalType.From(parameter.Spark);
                DuckDbNative.ScalarFunctionAddParameter(function, type.Handle);
            }
            using (var returnType = LogicalType.From(udf.Signature.Return))
            {
                DuckDbNative.ScalarFunctionSetReturnType(function, returnType.Handle);
            }
            DuckDbNative.ScalarFunctionSetSpecialHandling(function);
            DuckDbNative.ScalarFunctionSetFunction(function, &Callback);
            DuckDbNative.ScalarFunctionSetExtraInfo(function, GCHandle.ToIntPtr(handle), &Destroy);
            var connectionHandle = connection.NativeConnection.DangerousGetHandle();
            if (DuckDbNative.RegisterScalarFunction(connectionHandle, function) != 0)
            {
                throw new InvalidOperationException($"DuckDB refused to register function {name}");
            }
        }
        catch
        {
            // Until registration succeeds DuckDB has not taken the extra info.
            handle.Free();
            throw;
        }
        finally
        {
            DuckDbNative.DestroyScalarFunction(ref function);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Callback(IntPtr info, IntPtr chunk, IntPtr output)
    {
        var udf = (ScalarUdf)GCHandle.FromIntPtr(DuckDbNative.ScalarFunctionGetExtraInfo(info)).Target!;
        var count = udf.Signature.Parameters.Count;
        Span<IntPtr> inputs = stackalloc IntPtr[count];
        for (var i = 0; i < count; i++)
        {
            inputs[i] = DuckDbNative.DataChunkGetVector(chunk, (ulong)i);
        }
        var rows = DuckDbNative.DataChunkGetSize(chunk);
        try
        {
            udf.Execute(inputs, output, rows);
        }
        catch (Exception e)
        {
            // An exception must not cross into native code: DuckDB fails the query with this text.
            var located = udf.Rerun(inputs, output, rows);
            DuckDbNative.ScalarFunctionSetError(info, UdfError.Describe(udf, e, located));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Destroy(IntPtr extraInfo)
    {
        var handle = GCHandle.FromIntPtr(extraInfo);
        (handle.Target as IDisposable)?.Dispose();
        handle.Free();
    }
}
