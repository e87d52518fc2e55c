using System.Globalization;

namespace ByzerSharp.DuckDb;

/// <summary>A typed column of a table an ET builds from values it computed (command output, listings).</summary>
public sealed record RowColumn(string Name, string DuckType = "VARCHAR");

/// <summary>
/// Builds the SELECT for a small table of literal values. Every value is cast to its column's
/// type so an empty or all-NULL table still has the declared schema.
/// </summary>
public static class RowsSql
{
    public static string Build(IReadOnlyList<RowColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var values = rows.Select(r => "(" + string.Join(", ", columns.Select((c, i) => Literal(r[i], c.DuckType))) + ")").ToList();
        if (values.Count == 0)
        {
            return "SELECT " + string.Join(", ", columns.Select(c => $"CAST(NULL AS {c.DuckType}) AS {Sql.Ident(c.Name)}")) + " WHERE false";
        }
        return "SELECT * FROM (VALUES " + string.Join(", ", values) + ") AS v(" + Sql.IdentList(columns.Select(c => c.Name)) + ")";
    }

    private static string Literal(object? value, string type) => value switch
    {
        null => $"CAST(NULL AS {type})",
        bool b => $"CAST({Sql.Bool(b)} AS {type})",
        int or long => $"CAST({Convert.ToString(value, CultureInfo.InvariantCulture)} AS {type})",
        DateTime d => $"CAST({Sql.Str(d.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture))} AS {type})",
        _ => $"CAST({Sql.Str(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")} AS {type})",
    };
}
