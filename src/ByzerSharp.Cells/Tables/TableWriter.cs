using System.Globalization;
using System.Text.Json;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;
using ByzerSharp.SparkSql.Types;
using DuckDB.NET.Data;

namespace ByzerSharp.Cells.Tables;

/// <summary>
/// Writes rows a cell produced into a new DuckDB table with the declared schema. Flat columns go
/// through DuckDB's appender; nested ones (arrays, maps, structs) as JSON text cast to their type
/// in one INSERT … SELECT, which DuckDB does natively.
/// </summary>
internal static class TableWriter
{
    public static void Write(ByzerSession session, string duckName, StructType schema, IEnumerable<Row> rows)
    {
        var nested = schema.Fields.Any(f => IsNested(f.Type));
        var target = nested ? duckName + "__staging" : duckName;
        var staging = string.Join(", ", schema.Fields.Select(f => Sql.Ident(f.Name) + " " + (IsNested(f.Type) ? "VARCHAR" : f.Type.ToDuck())));
        session.Database.Execute($"CREATE TABLE {Sql.Ident(target)} ({staging})");
        var number = 0L;
        using (var appender = session.Database.Connection.CreateAppender(target))
        {
            foreach (var row in rows)
            {
                number++;
                var line = appender.CreateRow();
                foreach (var field in schema.Fields)
                {
                    var value = row.Has(field.Name) ? row[field.Name] : throw new CellDataException($"output row {number} has no column '{field.Name}' (it has {string.Join(", ", row.Names)})");
                    line = Append(line, field, value, number);
                }
                line.EndRow();
            }
        }
        if (nested)
        {
            var select = string.Join(", ", schema.Fields.Select(f => IsNested(f.Type)
                ? $"CAST(CAST({Sql.Ident(f.Name)} AS JSON) AS {f.Type.ToDuck()}) AS {Sql.Ident(f.Name)}"
                : Sql.Ident(f.Name)));
            session.Database.Execute($"CREATE TABLE {Sql.Ident(duckName)} AS SELECT {select} FROM {Sql.Ident(target)}");
            session.Database.Execute($"DROP TABLE {Sql.Ident(target)}");
        }
    }

    private static bool IsNested(SparkType type) => type.Kind is TypeKind.Array or TypeKind.Map or TypeKind.Struct;

    private static IDuckDBAppenderRow Append(IDuckDBAppenderRow line, StructField field, object? value, long number)
    {
        if (value is null)
        {
            return line.AppendNullValue();
        }
        try
        {
            return field.Type.Kind switch
            {
                TypeKind.Long => line.AppendValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
                TypeKind.Int => line.AppendValue(Convert.ToInt32(value, CultureInfo.InvariantCulture)),
                TypeKind.Short => line.AppendValue(Convert.ToInt16(value, CultureInfo.InvariantCulture)),
                TypeKind.Byte => line.AppendValue(Convert.ToSByte(value, CultureInfo.InvariantCulture)),
                TypeKind.Double => line.AppendValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
                TypeKind.Float => line.AppendValue(Convert.ToSingle(value, CultureInfo.InvariantCulture)),
                TypeKind.Boolean => line.AppendValue(Convert.ToBoolean(value, CultureInfo.InvariantCulture)),
                TypeKind.String => line.AppendValue(Convert.ToString(value, CultureInfo.InvariantCulture)),
                TypeKind.Binary => line.AppendValue(value as byte[] ?? throw Mismatch(field, value, number)),
                TypeKind.Date or TypeKind.Timestamp => line.AppendValue(value is DateTime d ? d : throw Mismatch(field, value, number)),
                TypeKind.Decimal => line.AppendValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
                _ when IsNested(field.Type) => line.AppendValue(JsonSerializer.Serialize(Plain(value))),
                _ => throw Mismatch(field, value, number),
            };
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw Mismatch(field, value, number);
        }
    }

    /// <summary>Rows inside nested values serialize as JSON objects.</summary>
    private static object? Plain(object? value) => value switch
    {
        Row row => row.ToDictionary(kv => kv.Key, kv => Plain(kv.Value)),
        string or byte[] => value,
        System.Collections.IDictionary map => map.Keys.Cast<object>().ToDictionary(k => Convert.ToString(k, CultureInfo.InvariantCulture)!, k => Plain(map[k])),
        System.Collections.IEnumerable list => list.Cast<object?>().Select(Plain).ToList(),
        _ => value,
    };

    private static CellDataException Mismatch(StructField field, object value, long number) =>
        new($"output row {number}: column '{field.Name}' is declared {field.Type} but the cell gave a {value.GetType().Name}");
}

/// <summary>Rows a cell produced do not fit the declared schema.</summary>
public sealed class CellDataException(string message) : Exception(message);
