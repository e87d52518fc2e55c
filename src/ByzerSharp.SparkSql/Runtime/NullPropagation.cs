using DuckDB.NET.Data;

namespace ByzerSharp.SparkSql.Runtime;

/// <summary>
/// Registers C# scalar functions so that a row with a NULL argument gives NULL without calling the
/// function, as Spark's built-ins do. DuckDB.NET's <c>Func</c> overloads do not: they pass NULL to
/// the delegate for reference types and throw "value is null" for value types.
/// A NULL returned by the delegate is written as NULL.
/// </summary>
internal static class NullPropagation
{
    public static void RegisterNullSafe<T1, TR>(this DuckDBConnection c, string name, Func<T1, TR> f) =>
        c.RegisterScalarFunction<T1, TR>(name, (args, writer, rows) =>
        {
            for (ulong i = 0; i < rows; i++)
            {
                if (!args[0].IsValid(i))
                {
                    writer.WriteNull(i);
                    continue;
                }
                Write(writer, i, f(args[0].GetValue<T1>(i)));
            }
        }, new ScalarFunctionOptions(), false);

    public static void RegisterNullSafe<T1, T2, TR>(this DuckDBConnection c, string name, Func<T1, T2, TR> f) =>
        c.RegisterScalarFunction<T1, T2, TR>(name, (args, writer, rows) =>
        {
            for (ulong i = 0; i < rows; i++)
            {
                if (!args[0].IsValid(i) || !args[1].IsValid(i))
                {
                    writer.WriteNull(i);
                    continue;
                }
                Write(writer, i, f(args[0].GetValue<T1>(i), args[1].GetValue<T2>(i)));
            }
        }, new ScalarFunctionOptions());

    public static void RegisterNullSafe<T1, T2, T3, TR>(this DuckDBConnection c, string name, Func<T1, T2, T3, TR> f) =>
        c.RegisterScalarFunction<T1, T2, T3, TR>(name, (args, writer, rows) =>
        {
            for (ulong i = 0; i < rows; i++)
            {
                if (!args[0].IsValid(i) || !args[1].IsValid(i) || !args[2].IsValid(i))
                {
                    writer.WriteNull(i);
                    continue;
                }
                Write(writer, i, f(args[0].GetValue<T1>(i), args[1].GetValue<T2>(i), args[2].GetValue<T3>(i)));
            }
        }, new ScalarFunctionOptions());

    public static void RegisterNullSafe<T1, T2, T3, T4, TR>(this DuckDBConnection c, string name, Func<T1, T2, T3, T4, TR> f) =>
        c.RegisterScalarFunction<T1, T2, T3, T4, TR>(name, (args, writer, rows) =>
        {
            for (ulong i = 0; i < rows; i++)
            {
                if (!args[0].IsValid(i) || !args[1].IsValid(i) || !args[2].IsValid(i) || !args[3].IsValid(i))
                {
                    writer.WriteNull(i);
                    continue;
                }
                Write(writer, i, f(args[0].GetValue<T1>(i), args[1].GetValue<T2>(i), args[2].GetValue<T3>(i), args[3].GetValue<T4>(i)));
            }
        }, new ScalarFunctionOptions());

    private static void Write<TR>(DuckDB.NET.Data.DataChunk.Writer.IDuckDBDataWriter writer, ulong row, TR value)
    {
        if (value is null)
        {
            writer.WriteNull(row);
        }
        else
        {
            writer.WriteValue(value, row);
        }
    }
}
