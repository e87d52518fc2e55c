using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;

namespace ByzerSharp.DuckDb;

/// <summary>
/// Reads one column value. DuckDB.NET's GetValue maps INTEGER[] to List&lt;int&gt; and throws when
/// the list holds a NULL, so nested columns are read through GetFieldValue with every value-type
/// element made nullable (List&lt;int?&gt;, List&lt;List&lt;int?&gt;&gt;, Dictionary&lt;string, double?&gt;).
/// </summary>
internal static class ColumnReader
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;
    private static readonly ConcurrentDictionary<Type, MethodInfo?> Readers = new();

    /// <param name="scale">The column's decimal scale (<see cref="DecimalScales"/>), if it has one.</param>
    public static object? Read(DbDataReader reader, int ordinal, int? scale = null)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }
        var method = Readers.GetOrAdd(reader.GetFieldType(ordinal), type =>
        {
            var nullable = NullableShape(type);
            return nullable == type ? null : GetFieldValue.MakeGenericMethod(nullable);
        });
        var value = method is null ? reader.GetValue(ordinal) : method.Invoke(reader, [ordinal]);
        var normal = Values.Normalize(value);
        return scale is { } s && normal is decimal m ? DecimalScales.WithScale(m, s) : normal;
    }

    /// <summary>The same collection type with value-type elements (at any depth) made nullable.</summary>
    internal static Type NullableShape(Type type)
    {
        if (!type.IsGenericType)
        {
            return type;
        }
        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(List<>))
        {
            return typeof(List<>).MakeGenericType(Element(type.GetGenericArguments()[0]));
        }
        if (definition == typeof(Dictionary<,>))
        {
            var args = type.GetGenericArguments();
            return typeof(Dictionary<,>).MakeGenericType(args[0], Element(args[1]));
        }
        return type;
    }

    private static Type Element(Type element)
    {
        var shaped = NullableShape(element);
        return shaped.IsValueType && Nullable.GetUnderlyingType(shaped) is null
            ? typeof(Nullable<>).MakeGenericType(shaped)
            : shaped;
    }
}
