using System.Linq.Expressions;

namespace ByzerSharp.ScriptUdf.Marshalling;

/// <summary>Builds the writer for a C# return type (see <see cref="ClrTypeMap"/>).</summary>
internal static class Writers
{
    /// <summary>The writer of a function's result column (see <see cref="StringResultWriter"/>); call Complete after each chunk.</summary>
    public static VectorWriter ForResult(Type type) => type == typeof(string) ? new StringResultWriter() : For(type);

    public static VectorWriter For(Type type)
    {
        var writer = Build(type);
        var accepted = ValueType(writer.GetType());
        return accepted == type ? writer : Generic(typeof(CastWriter<,>), [type, accepted], writer);
    }

    /// <summary>The T of the VectorWriter&lt;T&gt; a writer derives from.</summary>
    public static Type ValueType(Type writerType)
    {
        for (var t = writerType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(VectorWriter<>))
            {
                return t.GetGenericArguments()[0];
            }
        }
        throw new ArgumentException($"{writerType} is not a VectorWriter<T>", nameof(writerType));
    }

    private static VectorWriter Build(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Generic(typeof(NullableWriter<>), [inner], For(inner));
        }
        if (type == typeof(string))
        {
            return new StringWriter();
        }
        if (type == typeof(byte[]))
        {
            return new BlobWriter();
        }
        if (type == typeof(decimal))
        {
            return new DecimalWriter();
        }
        if (type == typeof(DateTime))
        {
            return new TimestampWriter();
        }
        if (type == typeof(DateOnly))
        {
            return new DateWriter();
        }
        if (type == typeof(bool) || type == typeof(sbyte) || type == typeof(short) || type == typeof(int)
            || type == typeof(long) || type == typeof(float) || type == typeof(double))
        {
            return Generic(typeof(PrimitiveWriter<>), [type]);
        }
        if (ClrTypeMap.ElementType(type) is { } element)
        {
            return Generic(typeof(ListWriter<>), [element], For(element));
        }
        if (ClrTypeMap.MapTypes(type) is { } kv)
        {
            return Generic(typeof(MapWriter<,>), [kv.Key, kv.Value], For(kv.Key), For(kv.Value));
        }
        if (StructShape.For(type) is { } shape)
        {
            return Generic(typeof(StructWriter<>), [type], shape, shape.Fields.Select(f => For(f.Type)).ToArray());
        }
        throw new NotSupportedException($"type {ClrTypeMap.Describe(type)} has no Spark SQL equivalent");
    }

    /// <summary>Converts a value to what a writer's Write takes (List&lt;T&gt; → IEnumerable&lt;T&gt;).</summary>
    public static Expression Adapt(Expression value, Type target) =>
        value.Type == target ? value : Expression.Convert(value, target);

    private static VectorWriter Generic(Type open, Type[] arguments, params object[] args) =>
        (VectorWriter)Activator.CreateInstance(open.MakeGenericType(arguments), args)!;
}
