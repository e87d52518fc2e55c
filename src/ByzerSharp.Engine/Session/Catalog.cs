using System.Globalization;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Syntax.Parsing;
using ByzerSharp.Text;

namespace ByzerSharp.Session;

/// <summary>
/// The session's tables. Names are case-insensitive as in Spark. Every definition gets a fresh
/// DuckDB object name; old objects stay until the session ends because views may still read them.
/// </summary>
public sealed class Catalog
{
    private readonly Dictionary<string, TableEntry> _tables = new(StringComparer.OrdinalIgnoreCase);
    private int _counter;

    public IEnumerable<TableEntry> Tables => _tables.Values;

    /// <summary>A new, never reused DuckDB name for the next definition of <paramref name="name"/>.</summary>
    public string NewDuckName(string name)
    {
        var clean = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        if (clean.Length > 40)
        {
            clean = clean[..40];
        }
        return $"t{Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)}_{clean}";
    }

    public void Define(TableEntry entry) => _tables[entry.Name] = entry;

    public bool Remove(string name) => _tables.Remove(name);

    public TableEntry? Find(string name) => _tables.GetValueOrDefault(name);

    public bool Contains(string name) => _tables.ContainsKey(name);

    /// <summary>Looks a table up or fails with the script location and a suggestion.</summary>
    public TableEntry Get(string name, SourceSpan? span)
    {
        if (_tables.TryGetValue(name, out var entry))
        {
            return entry;
        }
        var suggestion = Suggest.Closest(name, _tables.Keys);
        throw ByzerException.Semantic(
            $"Table or view not found: {name}",
            span,
            suggestion is not null ? $"did you mean '{suggestion}'?" : _tables.Count == 0 ? "no tables are defined yet; load or select one first" : $"defined tables: {string.Join(", ", _tables.Keys.Order(StringComparer.OrdinalIgnoreCase))}");
    }

    /// <summary>The SQL that reads a table.</summary>
    public static string From(TableEntry entry) => Sql.Ident(entry.DuckName);
}
