using System.Linq.Expressions;
using ByzerSharp.DuckDb.Native;

namespace ByzerSharp.ScriptUdf.Marshalling;

/// <summary>A LIST as List&lt;T&gt; (also what IList, IReadOnlyList and IEnumerable parameters receive).</summary>
internal sealed unsafe class ListReader<T>(VectorReader<T> element) : VectorReader<List<T>>
{
    private ListEntry* _entries;

    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        _entries = (ListEntry*)DuckDbNative.VectorGetData(vector);
        element.Bind(DuckDbNative.ListVectorGetChild(vector));
    }

    public override List<T> Read(ulong row)
    {
        var entry = _entries[row];
        var list = new List<T>((int)entry.Length);
        for (var i = 0UL; i < entry.Length; i++)
        {
            list.Add(element.Read(entry.Offset + i));
        }
        return list;
    }
}

internal sealed unsafe class ArrayReader<T>(VectorReader<T> element) : VectorReader<T[]>
{
    private ListEntry* _entries;

    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        _entries = (ListEntry*)DuckDbNative.VectorGetData(vector);
        element.Bind(DuckDbNative.ListVectorGetChild(vector));
    }

    public override T[] Read(ulong row)
    {
        var entry = _entries[row];
        var array = new T[entry.Length];
        for (var i = 0UL; i < entry.Length; i++)
        {
            array[i] = element.Read(entry.Offset + i);
        }
        return array;
    }
}

/// <summary>A MAP (a LIST of STRUCT(key, value) in DuckDB) as a Dictionary.</summary>
internal sealed unsafe class MapReader<TKey, TValue>(VectorReader<TKey> keys, VectorReader<TValue> values) : VectorReader<Dictionary<TKey, TValue>>
    where TKey : notnull
{
    private ListEntry* _entries;

    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        _entries = (ListEntry*)DuckDbNative.VectorGetData(vector);
        var pairs = DuckDbNative.ListVectorGetChild(vector);
        keys.Bind(DuckDbNative.StructVectorGetChild(pairs, 0));
        values.Bind(DuckDbNative.StructVectorGetChild(pairs, 1));
    }

    public override Dictionary<TKey, TValue> Read(ulong row)
    {
        var entry = _entries[row];
        var map = new Dictionary<TKey, TValue>((int)entry.Length);
        for (var i = 0UL; i < entry.Length; i++)
        {
            map[keys.Read(entry.Offset + i)] = values.Read(entry.Offset + i);
        }
        return map;
    }
}

/// <summary>A STRUCT as a record, class or value tuple, built by a compiled constructor call.</summary>
internal sealed class StructReader<T> : VectorReader<T>
{
    private readonly VectorReader[] _fields;
    private readonly Func<VectorReader[], ulong, T> _build;

    public StructReader(StructShape shape, VectorReader[] fields)
    {
        _fields = fields;
        _build = Compile(shape, fields);
    }

    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        for (var i = 0; i < _fields.Length; i++)
        {
            _fields[i].Bind(DuckDbNative.StructVectorGetChild(vector, (ulong)i));
        }
    }

    public override T Read(ulong row) => _build(_fields, row);

    private static Func<VectorReader[], ulong, T> Compile(StructShape shape, VectorReader[] fields)
    {
        var readers = Expression.Parameter(typeof(VectorReader[]), "readers");
        var row = Expression.Parameter(typeof(ulong), "row");
        var values = shape.Fields.Select((f, i) => (Expression)Expression.Call(
            Expression.Convert(Expression.ArrayIndex(readers, Expression.Constant(i)), fields[i].GetType()),
            fields[i].GetType().GetMethod(nameof(VectorReader<int>.Read))!,
            row)).ToList();
        Expression body;
        if (shape.Constructor is { } ctor)
        {
            body = Expression.New(ctor, values);
        }
        else
        {
            var parameterless = shape.Type.GetConstructor(Type.EmptyTypes)
                ?? throw new NotSupportedException($"{ClrTypeMap.Describe(shape.Type)} cannot receive a STRUCT: give it a constructor taking ({string.Join(", ", shape.Fields.Select(f => f.Name))}) or a parameterless one and setters");
            body = Expression.MemberInit(Expression.New(parameterless), shape.Fields.Select((f, i) => Expression.Bind(f.Member, values[i])));
        }
        return Expression.Lambda<Func<VectorReader[], ulong, T>>(body, readers, row).Compile();
    }
}

/// <summary>Presents a reader of List&lt;T&gt; as one of the interface a parameter declares (IReadOnlyList&lt;T&gt;, IEnumerable&lt;T&gt;…).</summary>
internal sealed class CastReader<TFrom, TTo>(VectorReader<TFrom> inner) : VectorReader<TTo>
    where TFrom : class, TTo
{
    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        inner.Bind(vector);
    }

    public override TTo Read(ulong row) => inner.Read(row);
}
