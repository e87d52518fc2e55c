using System.Globalization;

namespace ByzerSharp.SparkSql.Types;

/// <summary>Reads Spark type names (`cast(x as long)`, `array&lt;string&gt;`) and DuckDB type names (DESCRIBE output).</summary>
public static class TypeParser
{
    /// <summary>A Spark DDL type name, or null when it is not one.</summary>
    public static SparkType? ParseSpark(string text)
    {
        var pos = 0;
        var t = ParseSpark(text, ref pos);
        SkipSpaces(text, ref pos);
        return pos == text.Length ? t : null;
    }

    /// <summary>A DuckDB type as DESCRIBE prints it; unknown DuckDB types map to string.</summary>
    public static SparkType FromDuck(string duck)
    {
        var t = duck.Trim();
        if (t.EndsWith("[]", StringComparison.Ordinal))
        {
            return new ArrayType(FromDuck(t[..^2]));
        }
        if (t.EndsWith(']') && t.LastIndexOf('[') is var open and > 0)
        {
            return new ArrayType(FromDuck(t[..open]));
        }
        var upper = t.ToUpperInvariant();
        if (upper.StartsWith("STRUCT(", StringComparison.Ordinal))
        {
            return new StructType(SplitTopLevel(t[7..^1]).Select(f =>
            {
                var (name, type) = SplitNameType(f);
                return new StructField(name, FromDuck(type));
            }).ToList());
        }
        if (upper.StartsWith("MAP(", StringComparison.Ordinal))
        {
            var parts = SplitTopLevel(t[4..^1]);
            return new MapType(FromDuck(parts[0]), FromDuck(parts[1]));
        }
        if (upper.StartsWith("DECIMAL(", StringComparison.Ordinal))
        {
            var ps = t[8..^1].Split(',');
            return SparkType.Decimal(int.Parse(ps[0], CultureInfo.InvariantCulture), int.Parse(ps[1], CultureInfo.InvariantCulture));
        }
        return upper switch
        {
            "BIGINT" or "INT8" or "LONG" or "UINTEGER" => SparkType.Long,
            "INTEGER" or "INT4" or "INT" or "USMALLINT" => SparkType.Int,
            "SMALLINT" or "INT2" or "UTINYINT" => SparkType.Short,
            "TINYINT" or "INT1" => SparkType.Byte,
            "HUGEINT" or "UHUGEINT" => SparkType.Decimal(38, 0),
            "UBIGINT" => SparkType.Decimal(20, 0),
            "DOUBLE" or "FLOAT8" => SparkType.Double,
            "FLOAT" or "REAL" or "FLOAT4" => SparkType.Float,
            "BOOLEAN" or "BOOL" => SparkType.Boolean,
            "BLOB" or "BYTEA" => SparkType.Binary,
            "DATE" => SparkType.Date,
            "INTERVAL" => SparkType.Interval,
            "\"NULL\"" or "NULL" => SparkType.Null,
            _ when upper.StartsWith("TIMESTAMP", StringComparison.Ordinal) => SparkType.Timestamp,
            _ => SparkType.String,
        };
    }

    private static SparkType? ParseSpark(string s, ref int pos)
    {
        SkipSpaces(s, ref pos);
        var start = pos;
        while (pos < s.Length && (char.IsLetterOrDigit(s[pos]) || s[pos] == '_'))
        {
            pos++;
        }
        var name = s[start..pos].ToLowerInvariant();
        SkipSpaces(s, ref pos);
        switch (name)
        {
            case "boolean" or "bool": return SparkType.Boolean;
            case "tinyint" or "byte": return SparkType.Byte;
            case "smallint" or "short": return SparkType.Short;
            case "int" or "integer": return SparkType.Int;
            case "bigint" or "long": return SparkType.Long;
            case "float" or "real": return SparkType.Float;
            case "double": return SparkType.Double;
            case "string" or "text": return SparkType.String;
            case "varchar" or "char":
                if (pos < s.Length && s[pos] == '(')
                {
                    pos = s.IndexOf(')', pos) + 1;
                    if (pos == 0)
                    {
                        return null;
                    }
                }
                return SparkType.String;
            case "binary": return SparkType.Binary;
            case "date": return SparkType.Date;
            case "timestamp" or "timestamp_ltz" or "timestamp_ntz": return SparkType.Timestamp;
            case "interval": return SparkType.Interval;
            case "void": return SparkType.Null;
            case "decimal" or "dec" or "numeric":
                if (pos < s.Length && s[pos] == '(')
                {
                    var close = s.IndexOf(')', pos);
                    if (close < 0)
                    {
                        return null;
                    }
                    var parts = s[(pos + 1)..close].Split(',');
                    pos = close + 1;
                    if (!int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p))
                    {
                        return null;
                    }
                    var sc = 0;
                    if (parts.Length > 1 && !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out sc))
                    {
                        return null;
                    }
                    return p is < 1 or > 38 || sc > p ? null : SparkType.Decimal(p, sc);
                }
                return SparkType.Decimal(10, 0);
            case "array":
                {
                    if (!Expect(s, ref pos, '<') || ParseSpark(s, ref pos) is not { } e || !Expect(s, ref pos, '>'))
                    {
                        return null;
                    }
                    return new ArrayType(e);
                }
            case "map":
                {
                    if (!Expect(s, ref pos, '<') || ParseSpark(s, ref pos) is not { } k || !Expect(s, ref pos, ',')
                        || ParseSpark(s, ref pos) is not { } v || !Expect(s, ref pos, '>'))
                    {
                        return null;
                    }
                    return new MapType(k, v);
                }
            case "struct":
                {
                    if (!Expect(s, ref pos, '<'))
                    {
                        return null;
                    }
                    var fields = new List<StructField>();
                    SkipSpaces(s, ref pos);
                    while (pos < s.Length && s[pos] != '>')
                    {
                        var fs = pos;
                        while (pos < s.Length && s[pos] != ':' && s[pos] != ' ')
                        {
                            pos++;
                        }
                        var field = s[fs..pos].Trim('`');
                        SkipSpaces(s, ref pos);
                        if (pos < s.Length && s[pos] == ':')
                        {
                            pos++;
                        }
                        if (ParseSpark(s, ref pos) is not { } ft)
                        {
                            return null;
                        }
                        fields.Add(new StructField(field, ft));
                        SkipSpaces(s, ref pos);
                        if (pos < s.Length && s[pos] == ',')
                        {
                            pos++;
                            SkipSpaces(s, ref pos);
                        }
                    }
                    return Expect(s, ref pos, '>') ? new StructType(fields) : null;
                }
            default:
                return null;
        }
    }

    private static bool Expect(string s, ref int pos, char c)
    {
        SkipSpaces(s, ref pos);
        if (pos < s.Length && s[pos] == c)
        {
            pos++;
            return true;
        }
        return false;
    }

    private static void SkipSpaces(string s, ref int pos)
    {
        while (pos < s.Length && char.IsWhiteSpace(s[pos]))
        {
            pos++;
        }
    }

    private static (string Name, string Type) SplitNameType(string field)
    {
        field = field.Trim();
        if (field.StartsWith('"'))
        {
            var end = 1;
            while (end < field.Length)
            {
                if (field[end] == '"')
                {
                    if (end + 1 < field.Length && field[end + 1] == '"')
                    {
                        end += 2;
                        continue;
                    }
                    break;
                }
                end++;
            }
            return (field[1..end].Replace("\"\"", "\"", StringComparison.Ordinal), field[(end + 1)..].Trim());
        }
        var space = field.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (field, "VARCHAR") : (field[..space], field[(space + 1)..].Trim());
    }

    private static List<string> SplitTopLevel(string s)
    {
        var parts = new List<string>();
        var depth = 0;
        var quote = false;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '"')
            {
                quote = !quote;
            }
            else if (!quote && c == '(')
            {
                depth++;
            }
            else if (!quote && c == ')')
            {
                depth--;
            }
            else if (!quote && depth == 0 && c == ',')
            {
                parts.Add(s[start..i].Trim());
                start = i + 1;
            }
        }
        parts.Add(s[start..].Trim());
        return parts;
    }
}
