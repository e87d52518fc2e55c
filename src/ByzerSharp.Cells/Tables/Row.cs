using System.Collections;
using System.Globalization;

namespace ByzerSharp.Cells.Tables;

/// <summary>
/// One row a cell reads or writes: column names to plain values (long, int, double, float, bool,
/// string, byte[], DateTime, lists, dictionaries, nested <see cref="Row"/>s), so rows can cross a
/// process boundary. Build one with <c>new Row { ["content"] = bytes, ["path"] = path }</c>.
/// </summary>
public sealed class Row : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<string> _names;
    private readonly List<object?> _values;

    public Row()
    {
        _names = [];
        _values = [];
    }

    internal Row(IReadOnlyList<string> names, object?[] values)
    {
        _names = [.. names];
        _values = [.. values];
    }

    public IReadOnlyList<string> Names => _names;

    public int Count => _names.Count;

    /// <summary>The value of a column (case-insensitive); setting an unknown column adds it.</summary>
    public object? this[string name]
    {
        get => _values[IndexOf(name, required: true)];
        set
        {
            var i = IndexOf(name, required: false);
            if (i < 0)
            {
                _names.Add(name);
                _values.Add(value);
            }
            else
            {
                _values[i] = value;
            }
        }
    }

    public bool Has(string name) => IndexOf(name, required: false) >= 0;

    public void Add(string name, object? value) => this[name] = value;

    public byte[] Bytes(string name) => (byte[])(this[name] ?? throw Null(name));

    public string? String(string name) => this[name]?.ToString();

    public long Long(string name) => Convert.ToInt64(this[name] ?? throw Null(name), CultureInfo.InvariantCulture);

    public int Int(string name) => Convert.ToInt32(this[name] ?? throw Null(name), CultureInfo.InvariantCulture);

    public double Double(string name) => Convert.ToDouble(this[name] ?? throw Null(name), CultureInfo.InvariantCulture);

    /// <summary>A list column as an array of <typeparamref name="T"/> (nulls are not allowed).</summary>
    public T[] Array<T>(string name) =>
        ((IEnumerable)(this[name] ?? throw Null(name))).Cast<object?>()
            .Select(v => v is T t ? t : (T)Convert.ChangeType(v ?? throw Null(name), typeof(T), CultureInfo.InvariantCulture)).ToArray();

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        _names.Select((n, i) => new KeyValuePair<string, object?>(n, _values[i])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "{" + string.Join(", ", this.Select(kv => $"{kv.Key}: {kv.Value}")) + "}";

    private int IndexOf(string name, bool required)
    {
        for (var i = 0; i < _names.Count; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return required
            ? throw new KeyNotFoundException($"the row has no column '{name}' (columns: {string.Join(", ", _names)})")
            : -1;
    }

    private static InvalidOperationException Null(string name) => new($"column '{name}' is null");
}
