using System.Linq.Expressions;
using ByzerSharp.DuckDb.Native;

namespace ByzerSharp.ScriptUdf.Marshalling;

/// <summary>
/// A LIST from any IEnumerable&lt;T&gt; (arrays, List, iterators): each row appends its elements to
/// the child vector, which is grown first, so the element writer re-reads its buffers.
/// </summary>
internal sealed unsafe class ListWriter<T>(VectorWriter<T> element) : VectorWriter<IEnumerable<T>?>
{
    private IntPtr _child;

    public override void Refresh()
    {
        base.Refresh();
        _child = DuckDbNative.ListVectorGetChild(Vector);
        element.Bind(_child);
    }

    public override void Write(ulong row, IEnumerable<T>? value)
    {
        if (value is null)
        {
            WriteNull(row);
            return;
        }
        var items = value as IReadOnlyList<T> ?? value.ToList();
        var offset = DuckDbNative.ListVectorGetSize(Vector);
        var count = (ulong)items.Count;
        Grow(Vector, offset + count);
        element.Bind(_child);
        for (var i = 0; i < items.Count; i++)
        {
            element.Write(offset + (ulong)i, items[i]);
        }
        ((ListEntry*)DuckDbNative.VectorGetData(Vector))[row] = new ListEntry { Offset = offset, Length = count };
        DuckDbNative.ListVectorSetSize(Vector, offset + count);
    }

    /// <summary>Reserves room for <paramref name="size"/> child rows (DuckDB doubles the buffer itself).</summary>
    public static void Grow(IntPtr listVector, ulong size)
    {
        if (DuckDbNative.ListVectorReserve(listVector, size) != 0)
        {
            throw new InvalidOperationException($"DuckDB could not grow a list to {size} elements");
        }
    }
}

/// <summary>A MAP from a Dictionary (any IEnumerable of key/value pairs); NULL keys are refused like in Spark.</summary>
internal sealed unsafe class MapWriter<TKey, TValue>(VectorWriter<TKey> keys, VectorWriter<TValue> values) : VectorWriter<IEnumerable<KeyValuePair<TKey, TValue>>?>
{
    private IntPtr _pairs;

    public override void Refresh()
    {
        base.Refresh();
        _pairs = DuckDbNative.ListVectorGetChild(Vector);
        BindChildren();
    }

    public override void Write(ulong row, IEnumerable<KeyValuePair<TKey, TValue>>? value)
    {
        if (value is null)
        {
            WriteNull(row);
            return;
        }
        var items = value as IReadOnlyCollection<KeyValuePair<TKey, TValue>> ?? value.ToList();
        var offset = DuckDbNative.ListVectorGetSize(Vector);
        var count = (ulong)items.Count;
        ListWriter<int>.Grow(Vector, offset + count);
        BindChildren();
        var i = offset;
        foreach (var (k, v) in items)
        {
            keys.Write(i, k ?? throw new InvalidOperationException("Cannot use null as map key."));
            values.Write(i, v);
            i++;
        }
        ((ListEntry*)DuckDbNative.VectorGetData(Vector))[row] = new ListEntry { Offset = offset, Length = count };
        DuckDbNative.ListVectorSetSize(Vector, offset + count);
    }

    private void BindChildren()
    {
        keys.Bind(DuckDbNative.StructVectorGetChild(_pairs, 0));
        values.Bind(DuckDbNative.StructVectorGetChild(_pairs, 1));
    }
}

/// <summary>A STRUCT from a record, class or value tuple; a null object gives a NULL struct.</summary>
internal sealed class StructWriter<T> : VectorWriter<T>
{
    private readonly VectorWriter[] _fields;
    private readonly Action<VectorWriter[], ulong, T> _write;

    public StructWriter(StructShape shape, VectorWriter[] fields)
    {
        _fields = fields;
        _write = Compile(shape, fields);
    }

    public override void Refresh()
    {
        base.Refresh();
        for (var i = 0; i < _fields.Length; i++)
        {
            _fields[i].Bind(DuckDbNative.StructVectorGetChild(Vector, (ulong)i));
        }
    }

    public override void Write(ulong row, T value)
    {
        if (value is null)
        {
            WriteNull(row);
            return;
        }
        _write(_fields, row, value);
    }

    public override void WriteNull(ulong row)
    {
        base.WriteNull(row);
        foreach (var field in _fields)
        {
            field.WriteNull(row);
        }
    }

    private static Action<VectorWriter[], ulong, T> Compile(StructShape shape, VectorWriter[] fields)
    {
        var writers = Expression.Parameter(typeof(VectorWriter[]), "writers");
        var row = Expression.Parameter(typeof(ulong), "row");
        var value = Expression.Parameter(typeof(T), "value");
        var calls = shape.Fields.Select((f, i) =>
        {
            var writerType = fields[i].GetType();
            var write = writerType.GetMethod(nameof(VectorWriter<int>.Write))!;
            Expression member = f.Member is System.Reflection.PropertyInfo p ? Expression.Property(value, p) : Expression.Field(value, (System.Reflection.FieldInfo)f.Member);
            return (Expression)Expression.Call(
                Expression.Convert(Expression.ArrayIndex(writers, Expression.Constant(i)), writerType),
                write,
                row,
                Writers.Adapt(member, write.GetParameters()[1].ParameterType));
        });
        return Expression.Lambda<Action<VectorWriter[], ulong, T>>(Expression.Block(calls), writers, row, value).Compile();
    }
}

/// <summary>Presents a writer of IEnumerable&lt;T&gt; as one of List&lt;T&gt; (or any other type it accepts), for nested values.</summary>
internal sealed class CastWriter<TFrom, TTo>(VectorWriter<TTo> inner) : VectorWriter<TFrom>
    where TFrom : class, TTo
{
    public override void Refresh()
    {
        base.Refresh();
        inner.Bind(Vector);
    }

    public override void Write(ulong row, TFrom value) => inner.Write(row, value);

    public override void WriteNull(ulong row) => inner.WriteNull(row);
}
