using System.Globalization;
using System.Text.Json;
using ByzerSharp.DuckDb;
using ByzerSharp.SparkSql.Types;
using DuckDB.NET.Data;

namespace ByzerSharp.Cells.Tables;

/// <summary>
/// One run of output rows (see <see cref="OutputTable"/>), appended through DuckDB's appender on a
/// connection of its own, so segments fill in parallel beside the session's connection. Flat
/// columns get their declared type; nested ones (arrays, maps, structs) are staged as JSON text and
/// cast when the table is committed. Not thread-safe: one producer per segment.
/// </summary>
internal sealed class OutputSegment : IDisposable
{
    private readonly StructType _schema;
    private readonly string _origin;
    private readonly DuckDBConnection _connection;
    private DuckDBAppender? _appender;
    private long _rows;
    private bool _closed;

    /// <summary>
    /// Creates the staging table right away, on the caller's thread: opening a connection takes the
    /// session's lock, which a streaming read of the input may hold for a while.
    /// </summary>
    internal OutputSegment(Database database, string table, StructType schema, string origin)
    {
        Table = table;
        _schema = schema;
        _origin = origin;
        _connection = database.Duplicate();
        try
        {
            using (var create = _connection.CreateCommand())
            {
                var columns = string.Join(", ", schema.Fields.Select(f => Sql.Ident(f.Name) + " " + (IsNested(f.Type) ? "VARCHAR" : f.Type.ToDuck())));
                create.CommandText = $"CREATE TABLE {Sql.Ident(Table)} ({columns})";
                create.ExecuteNonQuery();
            }
            _appender = _connection.CreateAppender(Table);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>The staging table.</summary>
    public string Table { get; }

    /// <summary>The staging table became the output table itself.</summary>
    public bool Renamed { get; set; }

    public void Append(Row row)
    {
        if (_closed || _appender is null)
        {
            throw new ObjectDisposedException(Table, "this output segment is complete");
        }
        _rows++;
        var line = _appender.CreateRow();
        foreach (var field in _schema.Fields)
        {
            var value = row.Has(field.Name) ? row[field.Name] : throw new CellDataException($"{Where()} has no column '{field.Name}' (it has {string.Join(", ", row.Names)})");
            line = Append(line, field, value);
        }
        line.EndRow();
    }

    /// <summary>Appends every row and flushes them (on the caller's thread, so segments flush in parallel).</summary>
    public void WriteAll(IEnumerable<Row> rows)
    {
        foreach (var row in rows)
        {
            Append(row);
        }
        Close();
    }

    /// <summary>Flushes the appended rows into the staging table; the segment takes no more rows.</summary>
    public void Close()
    {
        _closed = true;
        _appender?.Close();
        _appender?.Dispose();
        _appender = null;
    }

    public void Dispose()
    {
        try
        {
            _appender?.Dispose();
        }
        catch (DuckDBException)
        {
            // Rows a failed cell left half-appended; the staging table is dropped anyway.
        }
        _appender = null;
        _connection.Dispose();
    }

    internal static bool IsNested(SparkType type) => type.Kind is TypeKind.Array or TypeKind.Map or TypeKind.Struct;

    private string Where() => $"output row {_rows} ({_origin})";

    private IDuckDBAppenderRow Append(IDuckDBAppenderRow line, StructField field, object? value)
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
                TypeKind.Binary => line.AppendValue(value as byte[] ?? throw Mismatch(field, value)),
                TypeKind.Date or TypeKind.Timestamp => line.AppendValue(value is DateTime d ? d : throw Mismatch(field, value)),
                TypeKind.Decimal => line.AppendValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
                _ when IsNested(field.Type) => line.AppendValue(JsonSerializer.Serialize(Plain(value))),
                _ => throw Mismatch(field, value),
            };
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw Mismatch(field, value);
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

    private CellDataException Mismatch(StructField field, object value) =>
        new($"{Where()}: column '{field.Name}' is declared {field.Type} but the cell gave a {value.GetType().Name}");
}

/// <summary>Rows a cell produced do not fit the declared schema.</summary>
public sealed class CellDataException(string message) : Exception(message);
