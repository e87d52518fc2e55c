using DuckDB.NET.Data;

namespace ByzerSharp.DuckDb;

/// <summary>A typed column of a table an ET builds from values it computed (command output, listings).</summary>
public sealed record RowColumn(string Name, string DuckType = "VARCHAR");

/// <summary>
/// Creates a DuckDB table from values computed in C#. Rows go through DuckDB's appender, so long
/// outputs (thousands of !sh lines) cost no SQL text, and an empty table still has its schema.
/// </summary>
public static class RowsTable
{
    public static void Create(Database database, string duckName, IReadOnlyList<RowColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        database.Execute("CREATE TABLE " + Sql.Ident(duckName) + " (" + string.Join(", ", columns.Select(c => Sql.Ident(c.Name) + " " + c.DuckType)) + ")");
        using var appender = database.Connection.CreateAppender(duckName);
        foreach (var values in rows)
        {
            var row = appender.CreateRow();
            foreach (var value in values)
            {
                row = value switch
                {
                    null => row.AppendNullValue(),
                    string s => row.AppendValue(s),
                    long l => row.AppendValue(l),
                    int i => row.AppendValue((long)i),
                    bool b => row.AppendValue(b),
                    DateTime d => row.AppendValue(d),
                    byte[] bytes => row.AppendValue(bytes),
                    _ => throw new ArgumentException($"unsupported value type {value.GetType().Name} for a rows table"),
                };
            }
            row.EndRow();
        }
    }
}
