using System.Data.Common;
using System.Globalization;

namespace ByzerSharp.DuckDb;

/// <summary>
/// Decimal columns' declared scales. DuckDB.NET reads a HUGEINT-backed decimal(38,18) 1.5 as 1.5;
/// Spark prints it with its scale, 1.500000000000000000, so read values get their scale back.
/// Only top-level columns: DuckDB.NET's reader names just "Decimal" as the type, and its schema
/// table carries the scale for top-level columns alone.
/// </summary>
internal static class DecimalScales
{
    /// <summary>Each column's scale, or null when it is not a decimal (or the reader has none).</summary>
    public static int?[] Of(DbDataReader reader)
    {
        var scales = new int?[reader.FieldCount];
        if (!Enumerable.Range(0, reader.FieldCount).Any(i => reader.GetFieldType(i) == typeof(decimal)))
        {
            return scales;
        }
        foreach (System.Data.DataRow row in reader.GetSchemaTable()?.Rows ?? (System.Collections.ICollection)Array.Empty<object>())
        {
            if (row["ColumnOrdinal"] is not DBNull and { } o && row["NumericScale"] is not DBNull and { } sc
                && Convert.ToInt32(o, CultureInfo.InvariantCulture) is var ordinal && ordinal >= 0 && ordinal < scales.Length
                && reader.GetFieldType(ordinal) == typeof(decimal))
            {
                scales[ordinal] = Convert.ToInt32(sc, CultureInfo.InvariantCulture);
            }
        }
        return scales;
    }

    /// <summary>The same number with at least <paramref name="scale"/> digits after the point (as far as decimal's 28 allow).</summary>
    public static decimal WithScale(decimal m, int scale)
    {
        var current = (decimal.GetBits(m)[3] >> 16) & 0xFF;
        var wanted = Math.Min(scale, 28);
        if (current >= wanted)
        {
            return m;
        }
        try
        {
            // A sum takes the larger scale: adding a zero of the wanted scale pads with trailing zeros.
            return m + new decimal(0, 0, 0, false, (byte)wanted);
        }
        catch (OverflowException)
        {
            return m;
        }
    }
}
