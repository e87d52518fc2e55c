using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ByzerSharp.DuckDb.Native;
using DuckDB.NET.Data;

namespace ByzerSharp.ScriptUdf.Functions;

/// <summary>
/// Registers a <see cref="Udaf"/> as a DuckDB aggregate function through the C API (DuckDB.NET has no
/// aggregate functions). DuckDB allocates each group's state (a log of its inputs, see <see cref="NativeLogState"/>) and calls
/// update, combine, finalize and destroy on it from its worker threads.
/// </summary>
internal static unsafe class DuckAggregateFunction
{
    /// <summary>Creates aggregate <paramref name="name"/> on the connection; DuckDB owns the aggregate until the database closes.</summary>
    public static void Register(DuckDBConnection connection, string name, Udaf udaf)
    {
        var function = DuckDbNative.CreateAggregateFunction();
        try
        {
            DuckDbNative.AggregateFunctionSetName(function, name);
            foreach (var parameter in udaf.Parameters)
            {
                using var type = LogicalType.From(parameter.Spark);
                DuckDbNative.AggregateFunctionAddParameter(function, type.Handle);
            }
            using (var returnType = LogicalType.From(udaf.Return))
            {
                DuckDbNative.AggregateFunctionSetReturnType(function, returnType.Handle);
            }
            DuckDbNative.AggregateFunctionSetSpecialHandling(function);
            // One init and destroy per kind of state: they run once per group, and the destroy callback
            // gets no function info to tell.
            if (udaf.BufferStates)
            {
                // A buffer holds no references and owns no memory: nothing to destroy.
                DuckDbNative.AggregateFunctionSetFunctions(function, &StateSize, &InitBuffer, &Update, &Combine, &FinalizeStates);
            }
            else if (udaf.NativeStates)
            {
                DuckDbNative.AggregateFunctionSetFunctions(function, &StateSize, &InitNative, &Update, &Combine, &FinalizeStates);
                DuckDbNative.AggregateFunctionSetDestructor(function, &DestroyNative);
            }
            else
            {
                DuckDbNative.AggregateFunctionSetFunctions(function, &StateSize, &InitManaged, &Update, &Combine, &FinalizeStates);
                DuckDbNative.AggregateFunctionSetDestructor(function, &DestroyManaged);
            }
            // From here the function owns the handle: destroying it (below, or with the database once
            // registered) calls DestroyExtraInfo.
            DuckDbNative.AggregateFunctionSetExtraInfo(function, GCHandle.ToIntPtr(GCHandle.Alloc(udaf)), &DestroyExtraInfo);
            var connectionHandle = connection.NativeConnection.DangerousGetHandle();
            if (DuckDbNative.RegisterAggregateFunction(connectionHandle, function) != 0)
            {
                throw new InvalidOperationException($"DuckDB refused to register aggregate {name}");
            }
        }
        finally
        {
            DuckDbNative.DestroyAggregateFunction(ref function);
        }
    }

    private static Udaf From(IntPtr info) => (Udaf)GCHandle.FromIntPtr(DuckDbNative.AggregateFunctionGetExtraInfo(info)).Target!;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static ulong StateSize(IntPtr info) => From(info).StateSize;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void InitNative(IntPtr info, IntPtr state) => *(NativeLogState*)state = default;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void InitBuffer(IntPtr info, IntPtr state)
    {
        var udaf = From(info);
        try
        {
            udaf.Init(state);
        }
        catch (Exception e)
        {
            Fail(info, udaf, e);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void InitManaged(IntPtr info, IntPtr state) => *(IntPtr*)state = IntPtr.Zero;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Update(IntPtr info, IntPtr chunk, IntPtr* states)
    {
        var udaf = From(info);
        try
        {
            var count = udaf.Parameters.Count;
            Span<IntPtr> inputs = stackalloc IntPtr[count];
            for (var i = 0; i < count; i++)
            {
                inputs[i] = DuckDbNative.DataChunkGetVector(chunk, (ulong)i);
            }
            udaf.Update(inputs, (IntPtr)states, DuckDbNative.DataChunkGetSize(chunk));
        }
        catch (Exception e)
        {
            Fail(info, udaf, e);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Combine(IntPtr info, IntPtr* source, IntPtr* target, ulong count)
    {
        var udaf = From(info);
        try
        {
            udaf.Combine(source, target, count);
        }
        catch (Exception e)
        {
            Fail(info, udaf, e);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FinalizeStates(IntPtr info, IntPtr* states, IntPtr result, ulong count, ulong offset)
    {
        var udaf = From(info);
        try
        {
            udaf.Results(states, result, count, offset);
        }
        catch (Exception e)
        {
            Fail(info, udaf, e);
        }
    }

    /// <summary>Frees the states' logs; DuckDB frees the states. Every state is destroyed once, combined or not.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void DestroyNative(IntPtr* states, ulong count)
    {
        for (var i = 0UL; i < count; i++)
        {
            NativeLogState.Destroy((NativeLogState*)states[i]);
        }
    }

    /// <inheritdoc cref="DestroyNative"/>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void DestroyManaged(IntPtr* states, ulong count)
    {
        for (var i = 0UL; i < count; i++)
        {
            ManagedLogState.Destroy((IntPtr*)states[i]);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void DestroyExtraInfo(IntPtr extraInfo)
    {
        var handle = GCHandle.FromIntPtr(extraInfo);
        (handle.Target as IDisposable)?.Dispose();
        handle.Free();
    }

    // An exception must not cross into native code: DuckDB fails the query with this text.
    private static void Fail(IntPtr info, Udaf udaf, Exception e) =>
        DuckDbNative.AggregateFunctionSetError(info, e is UdafException located ? located.Message : UdfError.Describe(udaf.Name, udaf.Script, e, null, udaf.Reduce));
}
