using System.Globalization;
using ByzerSharp.Delta.Schema;

namespace ByzerSharp.Delta.Read;

/// <summary>Partition values: strings in the log, typed with the schema when read; serialised from DuckDB values when written.</summary>
public static class PartitionValue
{
    /// <summary>A DuckDB SQL expression of the partition value typed as the column (null and "" are NULL).</summary>
    public static string ToSql(string? value, DeltaType type)
    {
        var duck = DuckTypes.ToDuck(type);
        if (string.IsNullOrEmpty(value))
        {
            return $"CAST(NULL AS {duck})";
        }
        if (type is PrimitiveType { Name: "timestamp" })
        {
            // Spark writes zone-less text (its session time; taken as UTC here) or ISO-8601 with a zone.
            var zoned = value.EndsWith('Z') || value.Length > 19 && (value.LastIndexOf('+') > 10 || value.LastIndexOf('-') > 10);
            return zoned ? $"CAST({Sql.Str(value)} AS TIMESTAMPTZ)" : $"timezone('UTC', CAST({Sql.Str(value)} AS TIMESTAMP))";
        }
        if (type is PrimitiveType { Name: "binary" })
        {
            return $"encode({Sql.Str(value)})";
        }
        return $"CAST({Sql.Str(value)} AS {duck})";
    }

    /// <summary>The DuckDB expression that turns a column into Delta's partition value text (NULL stays NULL).</summary>
    public static string ToText(string column, DeltaType type) => type switch
    {
        PrimitiveType { Name: "timestamp" } => $"strftime(timezone('UTC', {column}), '%Y-%m-%dT%H:%M:%S.%fZ')",
        PrimitiveType { Name: "timestamp_ntz" } => $"strftime({column}, '%Y-%m-%d %H:%M:%S.%f')",
        _ => $"CAST({column} AS VARCHAR)",
    };

    /// <summary>A comparable .NET value of a partition value or stat, or null when it cannot be compared safely.</summary>
    internal static IComparable? Comparable(string? text, DeltaType type)
    {
        if (text is null || type is not PrimitiveType p)
        {
            return null;
        }
        var inv = CultureInfo.InvariantCulture;
        switch (p.Name)
        {
            case "string":
                return new OrdinalString(text);
            case "long" or "integer" or "short" or "byte":
                return long.TryParse(text, NumberStyles.Integer, inv, out var l) ? l : null;
            case "double" or "float":
                return double.TryParse(text, NumberStyles.Float, inv, out var d) && !double.IsNaN(d) ? d : null;
            case "date":
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var date) ? date : null;
            default:
                if (p.IsDecimal)
                {
                    return decimal.TryParse(text, NumberStyles.Float, inv, out var m) ? m : null;
                }
                return null;
        }
    }

    /// <summary>Strings compare by UTF-16 code unit here; Delta orders by UTF-8 bytes, which agrees for the BMP without surrogates.</summary>
    internal sealed record OrdinalString(string Value) : IComparable
    {
        public int CompareTo(object? obj) => obj is OrdinalString o ? string.CompareOrdinal(Value, o.Value) : 1;
    }
}
