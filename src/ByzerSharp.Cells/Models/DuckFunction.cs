using DuckDB.NET.Data;

namespace ByzerSharp.Cells.Models;

/// <summary>
/// The vectorised DuckDB registration of a model function: DuckDB passes a vector of rows (up to
/// 2048), which goes to the model as one batch. TIn and TOut are DuckDB.NET's CLR shapes of the SQL types.
/// </summary>
internal static class DuckFunction<TIn, TOut>
{
    public static void Register(DuckDBConnection connection, string name, BatchServer server)
    {
        connection.RegisterScalarFunction<TIn, TOut>(name, (readers, writer, rowCount) =>
        {
            var reader = readers[0];
            var inputs = new List<object?>((int)rowCount);
            var valid = new List<ulong>((int)rowCount);
            for (ulong i = 0; i < rowCount; i++)
            {
                if (reader.IsValid(i))
                {
                    inputs.Add(reader.GetValue<TIn>(i));
                    valid.Add(i);
                }
                else
                {
                    writer.WriteNull(i);
                }
            }
            if (inputs.Count == 0)
            {
                return;
            }
            var outputs = server.Serve(inputs);
            for (var k = 0; k < valid.Count; k++)
            {
                if (outputs[k] is TOut value)
                {
                    writer.WriteValue(value, valid[k]);
                }
                else
                {
                    writer.WriteNull(valid[k]);
                }
            }
        });
    }
}
