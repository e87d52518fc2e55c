using System.Collections;
using System.Numerics;

namespace ByzerSharp.DuckDb;

/// <summary>Normalises what DuckDB.NET returns into plain, comparable .NET values.</summary>
public static class Values
{
    public static object? Normalize(object? value)
    {
        switch (value)
        {
            case null or DBNull:
                return null;
            case Stream { CanSeek: true } s:
                // DuckDB.NET hands BLOBs as streams over its vector memory: one copy, sized up front.
                var bytes = new byte[s.Length - s.Position];
                s.ReadExactly(bytes);
                return bytes;
            case Stream s:
                using (var ms = new MemoryStream())
                {
                    s.CopyTo(ms);
                    return ms.ToArray();
                }
            case byte[] or string:
                return value;
            case BigInteger b:
                return b >= long.MinValue && b <= long.MaxValue ? (long)b : (decimal)b;
            case IDictionary dict:
            {
                // DuckDB.NET reads a STRUCT as Dictionary<string, object> in field order, and a MAP as a
                // dictionary typed by its key and value types; Spark prints the two differently.
                var result = dict.GetType() == typeof(Dictionary<string, object>) ? new Results.StructValue() : new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry e in dict)
                {
                    result[Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture) ?? ""] = Normalize(e.Value);
                }
                return result;
            }
            case IList list:
            {
                var result = new List<object?>(list.Count);
                foreach (var item in list)
                {
                    result.Add(Normalize(item));
                }
                return result;
            }
            default:
                var typeName = value.GetType().Name;
                if (typeName == "DuckDBDateOnly")
                {
                    return DateOnly.Parse(value.ToString()!, System.Globalization.CultureInfo.InvariantCulture);
                }
                return value;
        }
    }
}
