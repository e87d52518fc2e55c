using ByzerSharp.DuckDb;
using ByzerSharp.Text;

namespace ByzerSharp.Plugins.StringIndex;

/// <summary>Orders the distinct labels of a column the way Spark 3's StringIndexer.fit does.</summary>
public static class StringIndexFit
{
    /// <summary>
    /// The labels of <paramref name="column"/> (exploded when an array) in index order. Nulls are
    /// not labels. Frequency ties break alphabetically (ordinal, as Scala compares strings) in both
    /// frequency orders, as in Spark 3.
    /// </summary>
    public static IReadOnlyList<string> Labels(Database database, string source, string column, bool isArray, string orderType, SourceSpan span)
    {
        var values = isArray ? $"SELECT unnest({Sql.Ident(column)}) AS v FROM {source}" : $"SELECT {Sql.Ident(column)} AS v FROM {source}";
        var counts = new List<(string Label, long Count)>();
        database.Stream($"SELECT v, count(*) FROM ({values}) WHERE v IS NOT NULL GROUP BY v", row => counts.Add(((string)row[0]!, Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture))), span);
        return Order(counts, orderType);
    }

    public static IReadOnlyList<string> Order(IEnumerable<(string Label, long Count)> counts, string orderType)
    {
        var byLabel = counts.OrderBy(c => c.Label, StringComparer.Ordinal).ToList();
        return orderType switch
        {
            "frequencyAsc" => byLabel.OrderBy(c => c.Count).Select(c => c.Label).ToList(),
            "alphabetDesc" => byLabel.Select(c => c.Label).Reverse().ToList(),
            "alphabetAsc" => byLabel.Select(c => c.Label).ToList(),
            _ => byLabel.OrderByDescending(c => c.Count).Select(c => c.Label).ToList(),
        };
    }
}
