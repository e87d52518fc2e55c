using System.Collections;

namespace ByzerSharp.Syntax.Ast;

/// <summary>
/// The options of a statement in source order. Lookups prefer an exact key and fall back to a
/// case-insensitive match, because Spark reader options are case-insensitive while Byzer ETs
/// read their parameters by exact name.
/// </summary>
public sealed class OptionList : IReadOnlyList<OptionEntry>
{
    public static readonly OptionList Empty = new([]);

    private readonly OptionEntry[] _entries;

    public OptionList(IEnumerable<OptionEntry> entries) => _entries = entries.ToArray();

    public int Count => _entries.Length;

    public OptionEntry this[int index] => _entries[index];

    public OptionEntry? Find(string key)
    {
        // The last occurrence wins, as with a Scala Map built from the clause.
        for (var i = _entries.Length - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return _entries[i];
            }
        }
        for (var i = _entries.Length - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i];
            }
        }
        return null;
    }

    public string? Get(string key) => Find(key)?.Value;

    public IEnumerator<OptionEntry> GetEnumerator() => ((IEnumerable<OptionEntry>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();
}
