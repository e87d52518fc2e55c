using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Runtime;
using ByzerSharp.SparkSql.Types;
using DuckDBConnection = DuckDB.NET.Data.DuckDBConnection;

namespace ByzerSharp.SparkSql.Tests;

/// <summary>An in-memory DuckDB with the Spark runtime installed and its tables as the schema provider.</summary>
internal sealed class TestDb : ISchemaProvider, IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public TestDb()
    {
        _connection.Open();
        Execute("SET default_null_order='nulls_first_on_asc_last_on_desc'");
        SparkRuntime.Install(_connection);
        Execute("CREATE TABLE t AS SELECT * FROM (VALUES (1, 'a', 2.5), (2, 'b', NULL), (3, NULL, 4.0)) AS v(id, s, d)");
    }

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public TableSchema? FindTable(string name)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT column_name, data_type FROM information_schema.columns WHERE lower(table_name) = lower('{name}') ORDER BY ordinal_position";
        using var reader = command.ExecuteReader();
        var columns = new List<ColumnInfo>();
        while (reader.Read())
        {
            columns.Add(new ColumnInfo(reader.GetString(0), TypeParser.FromDuck(reader.GetString(1))));
        }
        return columns.Count == 0 ? null : new TableSchema(Sql.Ident(name), columns);
    }

    public IEnumerable<string> TableNames => ["t", "u"];

    public TranslatedQuery Translate(string sql) => SparkSqlTranslator.Translate(sql, this);

    /// <summary>Translates and runs a query; the first row's values as text (NULL for null).</summary>
    public List<string> Row(string sql, bool raw = false)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = raw ? sql : Translate(sql).Sql;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "no rows");
        return Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Text(reader.GetValue(i))).ToList();
    }

    public string Scalar(string sql, bool raw = false) => Row(sql, raw)[0];

    /// <summary>Translates and runs a Spark query; its rows as Spark prints them (see <see cref="DocExamples.SparkResultText"/>).</summary>
    public List<string> SparkText(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = DocExamples.SparkResultText.WrapSql(Translate(sql));
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }
        return lines;
    }

    private static string Text(object value) => value switch
    {
        System.Collections.IList list => "[" + string.Join(", ", list.Cast<object>().Select(Text)) + "]",
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    public void Dispose() => _connection.Dispose();
}
