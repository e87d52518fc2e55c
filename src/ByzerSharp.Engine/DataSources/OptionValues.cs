using System.Globalization;
using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Text;

namespace ByzerSharp.DataSources;

/// <summary>
/// A statement's options after ${var} substitution, with typed accessors whose errors point at
/// the offending option in the script.
/// </summary>
public sealed class OptionValues
{
    private readonly Dictionary<string, (string Value, OptionEntry? Entry)> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly SourceSpan _fallback;

    public OptionValues(IEnumerable<(OptionEntry Entry, string Value)> values, SourceSpan fallback)
    {
        _fallback = fallback;
        foreach (var (entry, value) in values)
        {
            _values[entry.Key] = (value, entry);
        }
    }

    public OptionValues(IReadOnlyDictionary<string, string> values, SourceSpan fallback)
    {
        _fallback = fallback;
        foreach (var (k, v) in values)
        {
            _values[k] = (v, null);
        }
    }

    public IEnumerable<string> Keys => _values.Keys;

    public IReadOnlyDictionary<string, string> ToDictionary() =>
        _values.ToDictionary(kv => kv.Key, kv => kv.Value.Value, StringComparer.OrdinalIgnoreCase);

    public bool Has(string key) => _values.ContainsKey(key);

    public string? Get(string key) => _values.TryGetValue(key, out var v) ? v.Value : null;

    public string Get(string key, string defaultValue) => Get(key) ?? defaultValue;

    public string Require(string key, string? message = null)
    {
        if (Get(key) is { } v)
        {
            return v;
        }
        throw ByzerException.Semantic(message ?? $"{key} is required", _fallback, $"add the option: where {key}=\"…\"");
    }

    public bool GetBool(string key, bool defaultValue)
    {
        if (Get(key) is not { } v)
        {
            return defaultValue;
        }
        return v.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw Invalid(key, v, "true or false"),
        };
    }

    public int GetInt(string key, int defaultValue, int min = int.MinValue)
    {
        if (Get(key) is not { } v)
        {
            return defaultValue;
        }
        if (!int.TryParse(v.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min)
        {
            throw Invalid(key, v, min > int.MinValue ? $"an integer ≥ {min}" : "an integer");
        }
        return n;
    }

    public int? GetInt(string key, int min = int.MinValue) => Has(key) ? GetInt(key, 0, min) : null;

    /// <summary>A required integer option: "&lt;key&gt; is required" when absent, "parameter … given invalid value …" when not a number.</summary>
    public int RequireInt(string key, int min = int.MinValue)
    {
        Require(key);
        return GetInt(key, 0, min);
    }

    public double GetDouble(string key, double defaultValue)
    {
        if (Get(key) is not { } v)
        {
            return defaultValue;
        }
        if (!double.TryParse(v.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            throw Invalid(key, v, "a number");
        }
        return d;
    }

    /// <summary>A comma-separated list option (e.g. partitionCols="a, b"); empty when absent.</summary>
    public IReadOnlyList<string> GetList(string key) =>
        Get(key) is { } v ? v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];

    public string GetChoice(string key, string defaultValue, params string[] choices)
    {
        var v = Get(key) ?? defaultValue;
        foreach (var c in choices)
        {
            if (string.Equals(c, v, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }
        throw Invalid(key, v, "one of " + string.Join(", ", choices));
    }

    /// <summary>Where the option's value is written, or the statement when the option is absent.</summary>
    public SourceSpan SpanOf(string key) =>
        _values.TryGetValue(key, out var v) && v.Entry is { } e ? e.ValueSpan : _fallback;

    /// <summary>Where the option's key is written (for "unknown option" reports), or the statement.</summary>
    public SourceSpan KeySpanOf(string key) =>
        _values.TryGetValue(key, out var v) && v.Entry is { } e ? e.KeySpan : _fallback;

    /// <summary>Byzer's "parameter X given invalid value V", located at the option's value.</summary>
    public ByzerException Invalid(string key, string value, string expected) =>
        ByzerException.Semantic($"parameter {key} given invalid value {value}", SpanOf(key), $"expected {expected}");
}
