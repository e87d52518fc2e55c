namespace ByzerSharp.DuckDb;

/// <summary>Names DuckDB types the way Spark users know them (for !desc, schemas and JSON output).</summary>
public static class SparkTypes
{
    public static string FromDuck(string duck)
    {
        var t = duck.Trim();
        if (t.EndsWith("[]", StringComparison.Ordinal))
        {
            return "array<" + FromDuck(t[..^2]) + ">";
        }
        var upper = t.ToUpperInvariant();
        if (upper.StartsWith("STRUCT(", StringComparison.Ordinal))
        {
            var fields = SplitTopLevel(t[7..^1]).Select(f =>
            {
                var field = f.Trim();
                var (name, rest) = SplitNameType(field);
                return name + ":" + FromDuck(rest);
            });
            return "struct<" + string.Join(",", fields) + ">";
        }
        if (upper.StartsWith("MAP(", StringComparison.Ordinal))
        {
            var parts = SplitTopLevel(t[4..^1]);
            return "map<" + FromDuck(parts[0]) + "," + FromDuck(parts[1]) + ">";
        }
        if (upper.StartsWith("DECIMAL", StringComparison.Ordinal))
        {
            return t.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        }
        return upper switch
        {
            "VARCHAR" or "TEXT" or "STRING" or "UUID" or "JSON" => "string",
            "BIGINT" or "INT8" or "LONG" => "bigint",
            "INTEGER" or "INT4" or "INT" => "int",
            "SMALLINT" or "INT2" => "smallint",
            "TINYINT" or "INT1" => "tinyint",
            "HUGEINT" => "decimal(38,0)",
            "UBIGINT" => "decimal(20,0)",
            "UINTEGER" => "bigint",
            "USMALLINT" => "int",
            "UTINYINT" => "smallint",
            "DOUBLE" or "FLOAT8" => "double",
            "FLOAT" or "REAL" or "FLOAT4" => "float",
            "BOOLEAN" or "BOOL" => "boolean",
            "BLOB" or "BYTEA" => "binary",
            "DATE" => "date",
            "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" or "TIMESTAMPTZ" or "TIMESTAMP_MS" or "TIMESTAMP_NS" or "TIMESTAMP_S" => "timestamp",
            "INTERVAL" => "interval",
            "NULL" or "\"NULL\"" => "void",
            _ => t.ToLowerInvariant(),
        };
    }

    private static (string Name, string Type) SplitNameType(string field)
    {
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

    public static List<string> SplitTopLevel(string s)
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
