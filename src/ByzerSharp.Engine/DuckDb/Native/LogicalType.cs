using System.Text;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.DuckDb.Native;

/// <summary>A duckdb_logical_type built from a Spark type; destroyed after the function is registered.</summary>
internal sealed unsafe class LogicalType : IDisposable
{
    private IntPtr _handle;

    private LogicalType(IntPtr handle) => _handle = handle;

    public IntPtr Handle => _handle;

    public static LogicalType From(SparkType type) => new(Create(type));

    public void Dispose() => DuckDbNative.DestroyLogicalType(ref _handle);

    private static IntPtr Create(SparkType type) => type switch
    {
        DecimalType d => DuckDbNative.CreateDecimalType((byte)d.Precision, (byte)d.Scale),
        ArrayType a => WithChildren([a.Element], c => DuckDbNative.CreateListType(c[0])),
        MapType m => WithChildren([m.Key, m.Value], c => DuckDbNative.CreateMapType(c[0], c[1])),
        StructType s => CreateStruct(s),
        _ => DuckDbNative.CreateLogicalType(type.Kind switch
        {
            TypeKind.Boolean => DuckTypeId.Boolean,
            TypeKind.Byte => DuckTypeId.TinyInt,
            TypeKind.Short => DuckTypeId.SmallInt,
            TypeKind.Int => DuckTypeId.Integer,
            TypeKind.Long => DuckTypeId.BigInt,
            TypeKind.Float => DuckTypeId.Float,
            TypeKind.Double => DuckTypeId.Double,
            TypeKind.String => DuckTypeId.Varchar,
            TypeKind.Binary => DuckTypeId.Blob,
            TypeKind.Date => DuckTypeId.Date,
            TypeKind.Timestamp => DuckTypeId.Timestamp,
            _ => throw new ArgumentException($"no DuckDB type for Spark type {type}", nameof(type)),
        }),
    };

    private static IntPtr WithChildren(SparkType[] children, Func<IntPtr[], IntPtr> create)
    {
        var handles = children.Select(Create).ToArray();
        try
        {
            return create(handles);
        }
        finally
        {
            for (var i = 0; i < handles.Length; i++)
            {
                DuckDbNative.DestroyLogicalType(ref handles[i]);
            }
        }
    }

    private static IntPtr CreateStruct(StructType s)
    {
        var names = s.Fields.Select(f => Encoding.UTF8.GetBytes(f.Name + "\0")).ToArray();
        return WithChildren(s.Fields.Select(f => f.Type).ToArray(), types =>
        {
            var handles = stackalloc IntPtr[types.Length];
            var namePointers = stackalloc byte*[types.Length];
            var pins = names.Select(n => System.Runtime.InteropServices.GCHandle.Alloc(n, System.Runtime.InteropServices.GCHandleType.Pinned)).ToArray();
            try
            {
                for (var i = 0; i < types.Length; i++)
                {
                    handles[i] = types[i];
                    namePointers[i] = (byte*)pins[i].AddrOfPinnedObject();
                }
                return DuckDbNative.CreateStructType(handles, namePointers, (ulong)types.Length);
            }
            finally
            {
                foreach (var pin in pins)
                {
                    pin.Free();
                }
            }
        });
    }
}
