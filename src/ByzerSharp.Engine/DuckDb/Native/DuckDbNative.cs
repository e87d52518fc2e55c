using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ByzerSharp.DuckDb.Native;

/// <summary>
/// The parts of DuckDB's C API that ByzerSharp's own functions need (ScriptUDF functions and
/// aggregates, binaryFile's content). DuckDB.NET wraps some of them, but its writers cannot put
/// byte[] into a BLOB vector nor build STRUCT/MAP results, and it has no logical types for those;
/// calling the C API directly gives every type and a vectorised loop without boxing.
/// The library is the libduckdb that DuckDB.NET.Bindings ships (same name, same process).
/// Calls made per row that are short, never block and never call back into .NET skip the GC
/// transition (SuppressGCTransition), which would otherwise cost more than the call; bulk copies keep it.
/// </summary>
internal static unsafe partial class DuckDbNative
{
    private const string Lib = "duckdb";

    // Scalar functions.
    [LibraryImport(Lib, EntryPoint = "duckdb_create_scalar_function")]
    public static partial IntPtr CreateScalarFunction();

    [LibraryImport(Lib, EntryPoint = "duckdb_destroy_scalar_function")]
    public static partial void DestroyScalarFunction(ref IntPtr function);

    [LibraryImport(Lib, EntryPoint = "duckdb_scalar_function_set_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void ScalarFunctionSetName(IntPtr function, string name);

    [LibraryImport(Lib, EntryPoint = "duckdb_scalar_function_add_parameter")]
    public static partial void ScalarFunctionAddParameter(IntPtr function, IntPtr logicalType);

    [LibraryImport(Lib, EntryPoint = "duckdb_scalar_function_set_return_type")]
    public static partial void ScalarFunctionSetReturnType(IntPtr function, IntPtr logicalType);

    /// <summary>Lets NULL inputs reach the function (DuckDB would otherwise fold f(NULL) to NULL itself).</summary>
    [LibraryImport(Lib, EntryPoint = "duckdb_scalar_function_set_special_handling")]
    public static partial void ScalarFunctionSetSpecialHandling(IntPtr function);

    /// <summary>Marks a function whose result depends on more than its arguments: DuckDB must not fold or reuse it.</summary>
    [LibraryImport(Lib, EntryPoint = "duckdb_scalar_function_set_volatile")]
    public static partial void ScalarFunctionSetVolatile(IntPtr function);

    [LibraryImport(Lib, EntryPoint = "duckdb_scalar_function_set_extra_info")]
    public static partial void ScalarFunctionSetExtraInfo(IntPtr function, IntPtr extraInfo, delegate* unmanaged[Cdecl]<IntPtr, void> destroy);

    [LibraryImport(Lib, EntryPoint = "duckdb_scalar_function_set_function")]
    public static partial void ScalarFunctionSetFunction(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void> callback);

    [LibraryImport(Lib, EntryPoint = "duckdb_register_scalar_function")]
    public static partial int RegisterScalarFunction(IntPtr connection, IntPtr function);

    [LibraryImport(Lib, EntryPoint = "duckdb_scalar_function_get_extra_info")]
    [SuppressGCTransition]
    public static partial IntPtr ScalarFunctionGetExtraInfo(IntPtr info);

    [LibraryImport(Lib, EntryPoint = "duckdb_scalar_function_set_error", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void ScalarFunctionSetError(IntPtr info, string error);

    // Aggregate functions.
    [LibraryImport(Lib, EntryPoint = "duckdb_create_aggregate_function")]
    public static partial IntPtr CreateAggregateFunction();

    [LibraryImport(Lib, EntryPoint = "duckdb_destroy_aggregate_function")]
    public static partial void DestroyAggregateFunction(ref IntPtr function);

    [LibraryImport(Lib, EntryPoint = "duckdb_aggregate_function_set_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void AggregateFunctionSetName(IntPtr function, string name);

    [LibraryImport(Lib, EntryPoint = "duckdb_aggregate_function_add_parameter")]
    public static partial void AggregateFunctionAddParameter(IntPtr function, IntPtr logicalType);

    [LibraryImport(Lib, EntryPoint = "duckdb_aggregate_function_set_return_type")]
    public static partial void AggregateFunctionSetReturnType(IntPtr function, IntPtr logicalType);

    /// <summary>Lets NULL inputs reach the update (the aggregate decides which rows to skip).</summary>
    [LibraryImport(Lib, EntryPoint = "duckdb_aggregate_function_set_special_handling")]
    public static partial void AggregateFunctionSetSpecialHandling(IntPtr function);

    [LibraryImport(Lib, EntryPoint = "duckdb_aggregate_function_set_functions")]
    public static partial void AggregateFunctionSetFunctions(
        IntPtr function,
        delegate* unmanaged[Cdecl]<IntPtr, ulong> stateSize,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void> init,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, void> update,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr*, ulong, void> combine,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr, ulong, ulong, void> finalize);

    [LibraryImport(Lib, EntryPoint = "duckdb_aggregate_function_set_destructor")]
    public static partial void AggregateFunctionSetDestructor(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr*, ulong, void> destroy);

    [LibraryImport(Lib, EntryPoint = "duckdb_aggregate_function_set_extra_info")]
    public static partial void AggregateFunctionSetExtraInfo(IntPtr function, IntPtr extraInfo, delegate* unmanaged[Cdecl]<IntPtr, void> destroy);

    [LibraryImport(Lib, EntryPoint = "duckdb_register_aggregate_function")]
    public static partial int RegisterAggregateFunction(IntPtr connection, IntPtr function);

    [LibraryImport(Lib, EntryPoint = "duckdb_aggregate_function_get_extra_info")]
    [SuppressGCTransition]
    public static partial IntPtr AggregateFunctionGetExtraInfo(IntPtr info);

    [LibraryImport(Lib, EntryPoint = "duckdb_aggregate_function_set_error", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void AggregateFunctionSetError(IntPtr info, string error);

    // Data chunks and vectors.
    [LibraryImport(Lib, EntryPoint = "duckdb_data_chunk_get_size")]
    [SuppressGCTransition]
    public static partial ulong DataChunkGetSize(IntPtr chunk);

    [LibraryImport(Lib, EntryPoint = "duckdb_data_chunk_get_vector")]
    [SuppressGCTransition]
    public static partial IntPtr DataChunkGetVector(IntPtr chunk, ulong index);

    [LibraryImport(Lib, EntryPoint = "duckdb_vector_get_data")]
    [SuppressGCTransition]
    public static partial void* VectorGetData(IntPtr vector);

    [LibraryImport(Lib, EntryPoint = "duckdb_vector_get_validity")]
    [SuppressGCTransition]
    public static partial ulong* VectorGetValidity(IntPtr vector);

    [LibraryImport(Lib, EntryPoint = "duckdb_vector_ensure_validity_writable")]
    [SuppressGCTransition]
    public static partial void VectorEnsureValidityWritable(IntPtr vector);

    /// <summary>
    /// Copies a string or blob into the vector's heap (or inline, when 12 bytes or fewer); on a VARCHAR
    /// vector, invalid UTF-8 becomes NULL. With the GC transition: the copy may be a whole file, and
    /// DuckDB allocates for it.
    /// </summary>
    [LibraryImport(Lib, EntryPoint = "duckdb_vector_assign_string_element_len")]
    public static partial void VectorAssignStringElementLen(IntPtr vector, ulong index, byte* data, ulong length);

    /// <summary>
    /// Copies a string or blob into the vector's heap without the UTF-8 check that
    /// duckdb_vector_assign_string_element_len makes on VARCHAR (it turns invalid text into NULL):
    /// what .NET's UTF-8 encoder produces is always valid, and BLOBs need no check. Short values skip the
    /// GC transition, which costs more than copying them; a long copy (and DuckDB's allocation for it)
    /// keeps it, so that it never holds off a collection another thread is waiting for.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void UnsafeVectorAssignStringElementLen(IntPtr vector, ulong index, byte* data, ulong length)
    {
        if (length <= ShortCopy)
        {
            UnsafeAssignShort(vector, index, data, length);
        }
        else
        {
            UnsafeAssign(vector, index, data, length);
        }
    }

    private const ulong ShortCopy = 4096;

    [LibraryImport(Lib, EntryPoint = "duckdb_unsafe_vector_assign_string_element_len")]
    [SuppressGCTransition]
    private static partial void UnsafeAssignShort(IntPtr vector, ulong index, byte* data, ulong length);

    [LibraryImport(Lib, EntryPoint = "duckdb_unsafe_vector_assign_string_element_len")]
    private static partial void UnsafeAssign(IntPtr vector, ulong index, byte* data, ulong length);

    [LibraryImport(Lib, EntryPoint = "duckdb_list_vector_get_child")]
    [SuppressGCTransition]
    public static partial IntPtr ListVectorGetChild(IntPtr vector);

    [LibraryImport(Lib, EntryPoint = "duckdb_list_vector_get_size")]
    [SuppressGCTransition]
    public static partial ulong ListVectorGetSize(IntPtr vector);

    [LibraryImport(Lib, EntryPoint = "duckdb_list_vector_reserve")]
    [SuppressGCTransition]
    public static partial int ListVectorReserve(IntPtr vector, ulong capacity);

    [LibraryImport(Lib, EntryPoint = "duckdb_list_vector_set_size")]
    [SuppressGCTransition]
    public static partial int ListVectorSetSize(IntPtr vector, ulong size);

    [LibraryImport(Lib, EntryPoint = "duckdb_struct_vector_get_child")]
    [SuppressGCTransition]
    public static partial IntPtr StructVectorGetChild(IntPtr vector, ulong index);

    // Logical types.
    [LibraryImport(Lib, EntryPoint = "duckdb_create_logical_type")]
    public static partial IntPtr CreateLogicalType(DuckTypeId type);

    [LibraryImport(Lib, EntryPoint = "duckdb_create_list_type")]
    public static partial IntPtr CreateListType(IntPtr child);

    [LibraryImport(Lib, EntryPoint = "duckdb_create_map_type")]
    public static partial IntPtr CreateMapType(IntPtr key, IntPtr value);

    [LibraryImport(Lib, EntryPoint = "duckdb_create_struct_type")]
    public static partial IntPtr CreateStructType(IntPtr* memberTypes, byte** memberNames, ulong count);

    [LibraryImport(Lib, EntryPoint = "duckdb_create_decimal_type")]
    public static partial IntPtr CreateDecimalType(byte width, byte scale);

    [LibraryImport(Lib, EntryPoint = "duckdb_destroy_logical_type")]
    public static partial void DestroyLogicalType(ref IntPtr type);

    /// <summary>Whether row <paramref name="row"/> is valid in a validity mask (null mask = all valid).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsValid(ulong* validity, ulong row) =>
        validity == null || (validity[row >> 6] & (1UL << (int)(row & 63))) != 0;

    /// <summary>Marks a row NULL in a mask made writable with <see cref="VectorEnsureValidityWritable"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetInvalid(ulong* validity, ulong row) => validity[row >> 6] &= ~(1UL << (int)(row & 63));
}

/// <summary>duckdb_type (the ids the C API uses).</summary>
internal enum DuckTypeId
{
    Boolean = 1,
    TinyInt = 2,
    SmallInt = 3,
    Integer = 4,
    BigInt = 5,
    Float = 10,
    Double = 11,
    Timestamp = 12,
    Date = 13,
    Varchar = 17,
    Blob = 18,
}
