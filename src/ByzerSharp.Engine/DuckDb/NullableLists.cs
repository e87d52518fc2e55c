using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;

namespace ByzerSharp.DuckDb;

/// <summary>
/// DuckDB.NET's GetValue reads INTEGER[] as List&lt;int&gt; and throws when an element is NULL
/// (Spark results such as array_distinct(array(1, NULL)) have them). Such a column is read
/// again as a list of the nullable element type.
/// </summary>
internal static class NullableLists
{
    private static readonly ConcurrentDictionary<Type, MethodInfo> Readers = new();

    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    public static object GetValue(DbDataReader reader, int ordinal)
    {
        try
        {
            return reader.GetValue(ordinal);
        }
        catch (InvalidCastException) when (Nullable(reader.GetFieldType(ordinal)) is { } type)
        {
            var method = Readers.GetOrAdd(type, t => GetFieldValue.MakeGenericMethod(t));
            try
            {
                return method.Invoke(reader, [ordinal])!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }

    /// <summary>List&lt;int&gt; → List&lt;int?&gt;, nested lists likewise; null when nothing is non-nullable.</summary>
    private static Type? Nullable(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var element = type.GetGenericArguments()[0];
            var nullable = Nullable(element);
            return nullable is null ? null : typeof(List<>).MakeGenericType(nullable);
        }
        return type.IsValueType && System.Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : null;
    }
}
