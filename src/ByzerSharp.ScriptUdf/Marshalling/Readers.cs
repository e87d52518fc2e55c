namespace ByzerSharp.ScriptUdf.Marshalling;

/// <summary>Builds the reader for a C# parameter type (see <see cref="ClrTypeMap"/> for what is supported).</summary>
internal static class Readers
{
    /// <summary>A reader that ignores validity: the caller checks <see cref="VectorReader.IsValid"/> first.</summary>
    public static VectorReader Raw(Type type)
    {
        var reader = Build(type);
        var produced = ValueType(reader.GetType());
        return produced == type ? reader : Generic2(typeof(CastReader<,>), produced, type, reader);
    }

    /// <summary>The T of the VectorReader&lt;T&gt; a reader derives from.</summary>
    public static Type ValueType(Type readerType)
    {
        for (var t = readerType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(VectorReader<>))
            {
                return t.GetGenericArguments()[0];
            }
        }
        throw new ArgumentException($"{readerType} is not a VectorReader<T>", nameof(readerType));
    }

    private static VectorReader Build(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Generic(typeof(NullableReader<>), inner, Raw(inner));
        }
        if (type == typeof(string))
        {
            return new StringReader();
        }
        if (type == typeof(byte[]))
        {
            return new BlobReader();
        }
        if (type == typeof(decimal))
        {
            return new DecimalReader();
        }
        if (type == typeof(DateTime))
        {
            return new TimestampReader();
        }
        if (type == typeof(DateOnly))
        {
            return new DateReader();
        }
        if (type == typeof(bool) || type == typeof(sbyte) || type == typeof(short) || type == typeof(int)
            || type == typeof(long) || type == typeof(float) || type == typeof(double))
        {
            return (VectorReader)Activator.CreateInstance(typeof(PrimitiveReader<>).MakeGenericType(type))!;
        }
        if (ClrTypeMap.ElementType(type) is { } element)
        {
            if (element == typeof(string))
            {
                return type.IsArray ? new StringArrayReader() : new StringListReader();
            }
            var open = type.IsArray ? typeof(ArrayReader<>) : typeof(ListReader<>);
            return Generic(open, element, Element(element));
        }
        if (ClrTypeMap.MapTypes(type) is { } kv)
        {
            return (VectorReader)Activator.CreateInstance(typeof(MapReader<,>).MakeGenericType(kv.Key, kv.Value), Element(kv.Key), Element(kv.Value))!;
        }
        if (StructShape.For(type) is { } shape)
        {
            var fields = shape.Fields.Select(f => Element(f.Type)).ToArray();
            return (VectorReader)Activator.CreateInstance(typeof(StructReader<>).MakeGenericType(type), shape, fields)!;
        }
        throw new NotSupportedException($"type {ClrTypeMap.Describe(type)} has no Spark SQL equivalent");
    }

    /// <summary>A reader for a value inside a collection or struct: NULL gives null, or an error for a non-nullable value type.</summary>
    public static VectorReader Element(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is not null)
        {
            return Raw(type);
        }
        return type.IsValueType
            ? Generic(typeof(NonNullReader<>), type, Raw(type), ClrTypeMap.Describe(type))
            : Generic(typeof(NullPassingReader<>), type, Raw(type));
    }

    /// <summary>A top-level parameter that accepts NULL (int?, string?): the reader hands null to the method.</summary>
    public static VectorReader NullAccepting(Type type) =>
        Nullable.GetUnderlyingType(type) is not null ? Raw(type)
        : type.IsValueType ? throw new ArgumentException("a non-nullable value type cannot receive NULL", nameof(type))
        : Generic(typeof(NullPassingReader<>), type, Raw(type));

    private static VectorReader Generic2(Type open, Type first, Type second, params object[] args) =>
        (VectorReader)Activator.CreateInstance(open.MakeGenericType(first, second), args)!;

    private static VectorReader Generic(Type open, Type argument, params object[] args) =>
        (VectorReader)Activator.CreateInstance(open.MakeGenericType(argument), args)!;
}
