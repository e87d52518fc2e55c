using System.Collections;
using System.Globalization;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.Cells.Models;

/// <summary>
/// Moves values between DuckDB.NET's shapes (List&lt;T&gt;, boxed primitives) and the shapes user code
/// declares (arrays or lists, any numeric element type), in both directions.
/// </summary>
internal static class ValueShapes
{
    /// <summary>The CLR type DuckDB.NET maps to a SQL type (what the registered function's generic arguments must be).</summary>
    public static Type DuckClr(SparkType type) => type switch
    {
        ArrayType a => typeof(List<>).MakeGenericType(DuckClr(a.Element)),
        _ => type.Kind switch
        {
            TypeKind.Double => typeof(double),
            TypeKind.Float => typeof(float),
            TypeKind.Long => typeof(long),
            TypeKind.Int => typeof(int),
            TypeKind.Boolean => typeof(bool),
            TypeKind.String => typeof(string),
            TypeKind.Binary => typeof(byte[]),
            _ => throw new NotSupportedException($"model functions take and return numbers, strings, binary and arrays of them, not {type}"),
        },
    };

    public static object? Convert(object? value, Type target)
    {
        if (value is null || target.IsInstanceOfType(value))
        {
            return value;
        }
        if (target.IsArray && value is IEnumerable items && value is not string)
        {
            var element = target.GetElementType()!;
            var converted = items.Cast<object?>().Select(v => Convert(v, element)).ToList();
            var array = Array.CreateInstance(element, converted.Count);
            for (var i = 0; i < converted.Count; i++)
            {
                array.SetValue(converted[i], i);
            }
            return array;
        }
        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>) && value is IEnumerable list && value is not string)
        {
            var element = target.GetGenericArguments()[0];
            var result = (IList)Activator.CreateInstance(target)!;
            foreach (var v in list)
            {
                result.Add(Convert(v, element));
            }
            return result;
        }
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
    }
}
