namespace ByzerSharp.Results;

/// <summary>
/// Rows of a table as .NET values: string, long/int/short/sbyte, double/float, decimal, bool,
/// byte[], DateOnly, DateTime, lists for arrays, dictionaries for maps and structs, null.
/// </summary>
public sealed record ResultTable(string Name, IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public int ColumnIndex(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Rows as name → value maps (convenient for embedders and tests).</summary>
    public IEnumerable<IReadOnlyDictionary<string, object?>> AsDictionaries()
    {
        foreach (var row in Rows)
        {
            var d = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < Columns.Count; i++)
            {
                d[Columns[i].Name] = row[i];
            }
            yield return d;
        }
    }
}
