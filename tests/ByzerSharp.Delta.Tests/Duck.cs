using System.Globalization;
using DuckDB.NET.Data;

namespace ByzerSharp.Delta.Tests;

/// <summary>A private in-memory DuckDB with UTC as its time zone, and small query helpers.</summary>
internal sealed class Duck : IDisposable
{
    public Duck()
    {
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
        Execute("SET TimeZone='UTC'");
    }

    public DuckDBConnection Connection { get; }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public long Long(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Rows as tab-joined text, in query order.</summary>
    public List<string> Rows(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
            }
            rows.Add(string.Join("\t", cells));
        }
        return rows;
    }

    /// <summary>(name, DuckDB type) of a relation.</summary>
    public List<(string Name, string Type)> Describe(string relation)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "DESCRIBE " + relation;
        using var reader = command.ExecuteReader();
        var result = new List<(string, string)>();
        while (reader.Read())
        {
            result.Add((reader.GetString(0), reader.GetString(1)));
        }
        return result;
    }

    /// <summary>Rows in one relation and not the other (both directions, duplicates counted).</summary>
    public long Difference(string a, string b) =>
        Long($"SELECT count(*) FROM ((SELECT * FROM {a} EXCEPT ALL SELECT * FROM {b}) UNION ALL (SELECT * FROM {b} EXCEPT ALL SELECT * FROM {a}))");

    public void Dispose() => Connection.Dispose();
}
