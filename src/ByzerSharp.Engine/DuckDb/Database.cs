using System.Data;
using System.Data.Common;
using ByzerSharp.Diagnostics;
using ByzerSharp.Results;
using ByzerSharp.Text;
using DuckDB.NET.Data;

namespace ByzerSharp.DuckDb;

/// <summary>
/// The session's embedded DuckDB database. One connection; all SQL the engine generates goes
/// through here so that errors are translated in one place.
/// </summary>
public sealed class Database : IDisposable
{
    private readonly object _gate = new();

    public Database(string? timeZone = null)
    {
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
        // Spark orders NULLs first in ascending sorts and last in descending ones.
        Execute("SET default_null_order='nulls_first_on_asc_last_on_desc'");
        // The macros and C# functions that translated select bodies call (spark_substr, java_rlike, …).
        SparkSql.Runtime.SparkRuntime.Install(Connection);
        if (!string.IsNullOrEmpty(timeZone))
        {
            Execute("SET TimeZone=" + Sql.Str(timeZone));
        }
    }

    /// <summary>The raw connection, for executors that use DuckDB's appender or register functions.</summary>
    public DuckDBConnection Connection { get; }

    /// <summary>
    /// A second connection to the same database, for work that runs beside the session's own
    /// connection on another thread (an appender filling a table while a query streams). It sees
    /// every table and view but not the session's TEMP macros or settings: use it for plain
    /// tables only. The caller disposes it.
    /// </summary>
    public DuckDBConnection Duplicate()
    {
        lock (_gate)
        {
            var duplicate = Connection.Duplicate();
            duplicate.Open();
            return duplicate;
        }
    }

    public void Execute(string sql, SourceSpan? span = null)
    {
        lock (_gate)
        {
            using var command = Connection.CreateCommand();
            command.CommandText = sql;
            try
            {
                command.ExecuteNonQuery();
            }
            catch (DuckDBException e)
            {
                throw Translate(e, span);
            }
        }
    }

    public object? Scalar(string sql, SourceSpan? span = null)
    {
        lock (_gate)
        {
            using var command = Connection.CreateCommand();
            command.CommandText = sql;
            try
            {
                var value = command.ExecuteScalar();
                return value is DBNull ? null : Values.Normalize(value);
            }
            catch (DuckDBException e)
            {
                throw Translate(e, span);
            }
        }
    }

    /// <summary>Runs a query and reads every row (use LIMIT for previews).</summary>
    public ResultTable Query(string sql, string name = "result", SourceSpan? span = null, int? maxRows = null)
    {
        lock (_gate)
        {
            using var command = Connection.CreateCommand();
            command.CommandText = sql;
            try
            {
                using var reader = command.ExecuteReader();
                return Read(reader, name, maxRows);
            }
            catch (DuckDBException e)
            {
                throw Translate(e, span);
            }
        }
    }

    /// <summary>Streams rows to a callback without materialising them all.</summary>
    public IReadOnlyList<ResultColumn> Stream(string sql, Action<object?[]> onRow, SourceSpan? span = null)
    {
        lock (_gate)
        {
            using var command = Connection.CreateCommand();
            command.CommandText = sql;
            try
            {
                using var reader = command.ExecuteReader();
                var columns = Columns(reader);
                var scales = DecimalScales.Of(reader);
                while (reader.Read())
                {
                    var row = new object?[reader.FieldCount];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = ColumnReader.Read(reader, i, scales[i]);
                    }
                    onRow(row);
                }
                return columns;
            }
            catch (DuckDBException e)
            {
                throw Translate(e, span);
            }
        }
    }

    /// <summary>Column names and types of a relation, without reading rows.</summary>
    public IReadOnlyList<ResultColumn> Describe(string relationSql, SourceSpan? span = null)
    {
        var table = Query("DESCRIBE " + relationSql, "describe", span);
        return table.Rows.Select(r => new ResultColumn(SparkSql.Binding.Sql.SparkName((string)r[0]!), SparkTypes.FromDuck((string)r[1]!), (string)r[1]!)).ToList();
    }

    /// <summary>Whether DuckDB itself has a table or view of that name (created by pass-through SQL).</summary>
    public bool RelationExists(string name) =>
        Convert.ToInt64(Scalar("SELECT count(*) FROM duckdb_tables() WHERE lower(table_name) = lower(" + Sql.Str(name) + ") AND NOT internal")
            , System.Globalization.CultureInfo.InvariantCulture)
        + Convert.ToInt64(Scalar("SELECT count(*) FROM duckdb_views() WHERE lower(view_name) = lower(" + Sql.Str(name) + ") AND NOT internal AND schema_name <> 'byzer'")
            , System.Globalization.CultureInfo.InvariantCulture) > 0;

    private static ResultTable Read(DbDataReader reader, string name, int? maxRows)
    {
        var columns = Columns(reader);
        var scales = DecimalScales.Of(reader);
        var rows = new List<object?[]>();
        while ((maxRows is null || rows.Count < maxRows) && reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = ColumnReader.Read(reader, i, scales[i]);
            }
            rows.Add(row);
        }
        return new ResultTable(name, columns, rows);
    }

    private static List<ResultColumn> Columns(DbDataReader reader)
    {
        var columns = new List<ResultColumn>(reader.FieldCount);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var duck = reader.GetDataTypeName(i);
            columns.Add(new ResultColumn(SparkSql.Binding.Sql.SparkName(reader.GetName(i)), SparkTypes.FromDuck(duck), duck));
        }
        return columns;
    }

    /// <summary>
    /// DuckDB's error as a Byzer one: semantic for catalog, binder and parser errors (the script names
    /// something wrong), runtime otherwise; one header line, with the generated SQL's "LINE 1:" context
    /// dropped. DuckDB's "Xxx Error: " prefix is kept in the message, except for a C# function's own
    /// failure (<see cref="FunctionFailures"/>).
    /// </summary>
    public static ByzerException Translate(DuckDBException e, SourceSpan? span)
    {
        var message = e.Message.Trim();
        if (FunctionFailure(message, e, span) is { } failure)
        {
            return failure;
        }
        var kind = ErrorKind.Runtime;
        foreach (var prefix in new[] { "Catalog Error: ", "Binder Error: ", "Parser Error: " })
        {
            if (message.StartsWith(prefix, StringComparison.Ordinal))
            {
                kind = ErrorKind.Semantic;
            }
        }
        // DuckDB appends "LINE 1: <sql>" context that refers to generated SQL, not the script.
        var lineContext = message.IndexOf("\n\nLINE ", StringComparison.Ordinal);
        if (lineContext >= 0)
        {
            message = message[..lineContext];
        }
        // The diagnostic header is one line; DuckDB's further lines become the hint, except its
        // "Did you mean" guesses, which name DuckDB's internal catalog (pg_type, …), not the script's tables.
        var lines = message.Trim().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rest = lines.Skip(1).Where(l => !l.StartsWith("Did you mean", StringComparison.Ordinal)).ToList();
        var help = rest.Count > 0 ? string.Join(" ", rest)
            : message.StartsWith("Conversion Error: ", StringComparison.Ordinal)
                ? "a value does not fit the type it is converted to (a column's, or a function's parameter): cast it explicitly, or use try_cast to get NULL instead"
                : null;
        return new ByzerException(kind, lines.Length > 0 ? lines[0] : message, span, help, e);
    }

    // A C# function's own failure: its message without DuckDB's prefix, its help, the caret at its call.
    private static FunctionFailureException? FunctionFailure(string message, DuckDBException e, SourceSpan? span)
    {
        const string prefix = "Invalid Input Error: ";
        if (!message.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var text = message[prefix.Length..];
        var context = text.IndexOf("\n\nLINE ", StringComparison.Ordinal);
        text = (context >= 0 ? text[..context] : text).Trim();
        return FunctionFailures.TryTake(text, out var function, out var help)
            ? new FunctionFailureException(function, text, span, help, e)
            : null;
    }

    public void Dispose() => Connection.Dispose();
}
