using System.Reflection;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.ScriptUdf.Marshalling;

/// <summary>
/// Which C# types a UDF may take and return, and the Spark type each one stands for
/// (docs/scriptudf.md has the table). Collections and records nest freely.
/// </summary>
internal static class ClrTypeMap
{
    /// <summary>Spark's default decimal (DecimalType.SYSTEM_DEFAULT), what Scala's BigDecimal maps to.</summary>
    public static readonly DecimalType DecimalDefault = new(38, 18);

    public const string Supported =
        "string, bool, sbyte, short, int, long, float, double, decimal, byte[], DateTime, DateOnly, their nullable forms (int?), " +
        "T[] / List<T> / IReadOnlyList<T> / IEnumerable<T>, Dictionary<K,V> / IReadOnlyDictionary<K,V>, value tuples and records";

    /// <summary>The Spark type of a C# type, or null (with the reason) when it cannot cross to SQL.</summary>
    public static SparkType? ToSpark(Type type, out string? problem)
    {
        problem = null;
        try
        {
            return Map(type);
        }
        catch (NotSupportedException e)
        {
            problem = e.Message;
            return null;
        }
    }

    public static SparkType Map(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Map(inner);
        }
        if (Scalar(type) is { } scalar)
        {
            return scalar;
        }
        if (ElementType(type) is { } element)
        {
            return SparkType.ArrayOf(Map(element));
        }
        if (MapTypes(type) is { } kv)
        {
            return new MapType(Map(kv.Key), Map(kv.Value));
        }
        if (StructShape.For(type) is { } shape)
        {
            return new StructType(shape.Fields.Select(f => new StructField(f.Name, Map(f.Type))).ToList());
        }
        throw new NotSupportedException($"type {Describe(type)} has no Spark SQL equivalent");
    }

    public static SparkType? Scalar(Type type) =>
        type == typeof(string) ? SparkType.String
        : type == typeof(bool) ? SparkType.Boolean
        : type == typeof(sbyte) ? SparkType.Byte
        : type == typeof(short) ? SparkType.Short
        : type == typeof(int) ? SparkType.Int
        : type == typeof(long) ? SparkType.Long
        : type == typeof(float) ? SparkType.Float
        : type == typeof(double) ? SparkType.Double
        : type == typeof(decimal) ? DecimalDefault
        : type == typeof(byte[]) ? SparkType.Binary
        : type == typeof(DateTime) ? SparkType.Timestamp
        : type == typeof(DateOnly) ? SparkType.Date
        : null;

    /// <summary>The element type of T[] and of the list interfaces a List&lt;T&gt; satisfies (byte[] is binary, not an array).</summary>
    public static Type? ElementType(Type type)
    {
        if (type.IsArray && type != typeof(byte[]) && type.GetArrayRank() == 1)
        {
            return type.GetElementType();
        }
        if (!type.IsGenericType)
        {
            return null;
        }
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
            || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    public static KeyValuePair<Type, Type>? MapTypes(Type type)
    {
        if (!type.IsGenericType)
        {
            return null;
        }
        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
        {
            var args = type.GetGenericArguments();
            return new(args[0], args[1]);
        }
        return null;
    }

    /// <summary>A C#-looking name for messages (List&lt;int&gt;, not List`1[System.Int32]).</summary>
    public static string Describe(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Describe(inner) + "?";
        }
        if (type.IsArray)
        {
            return Describe(type.GetElementType()!) + "[]";
        }
        if (!type.IsGenericType)
        {
            return type.Name;
        }
        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return name + "<" + string.Join(", ", type.GetGenericArguments().Select(Describe)) + ">";
    }
}

/// <summary>
/// How a C# type maps to a STRUCT: a value tuple gives fields _1, _2, … (Spark's names for Scala
/// tuples); a record or class gives its public properties, in constructor order for positional
/// records. Reading a STRUCT argument needs that constructor (or a parameterless one and setters).
/// </summary>
internal sealed record StructShape(Type Type, IReadOnlyList<StructShape.Field> Fields, ConstructorInfo? Constructor)
{
    public sealed record Field(string Name, Type Type, MemberInfo Member);

    public static StructShape? For(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || type.IsInterface || type.IsAbstract || type == typeof(object)
            || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !IsValueTuple(type))
        {
            return null;
        }
        if (IsValueTuple(type))
        {
            var items = type.GetFields().Where(f => f.Name.StartsWith("Item", StringComparison.Ordinal)).OrderBy(f => f.Name.Length).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
            if (items.Count == 0 || items.Count > 7)
            {
                return null;
            }
            var ctor = type.GetConstructor(items.Select(i => i.FieldType).ToArray());
            return new StructShape(type, items.Select((f, i) => new Field("_" + (i + 1), f.FieldType, f)).ToList(), ctor);
        }
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken)
            .ToList();
        if (properties.Count == 0)
        {
            return null;
        }
        // A positional record's primary constructor fixes the field order and builds arguments.
        var positional = type.GetConstructors()
            .Where(c => c.GetParameters().Length == properties.Count
                && c.GetParameters().All(p => properties.Any(q => string.Equals(q.Name, p.Name, StringComparison.OrdinalIgnoreCase) && q.PropertyType == p.ParameterType)))
            .FirstOrDefault();
        if (positional is not null)
        {
            var ordered = positional.GetParameters()
                .Select(p => properties.First(q => string.Equals(q.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
                .Select(p => new Field(p.Name, p.PropertyType, p))
                .ToList();
            return new StructShape(type, ordered, positional);
        }
        return new StructShape(type, properties.Select(p => new Field(p.Name, p.PropertyType, p)).ToList(), null);
    }

    private static bool IsValueTuple(Type type) =>
        type.IsValueType && type.IsGenericType && type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true;
}
