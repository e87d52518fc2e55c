using System.Globalization;
using System.Text;

namespace ByzerSharp.Delta.Schema;

/// <summary>The mapping between Delta types and DuckDB types, both ways.</summary>
public static class DuckTypes
{
    /// <summary>The DuckDB type that holds a Delta type (timestamp is an instant: TIMESTAMPTZ).</summary>
    public static string ToDuck(DeltaType type) => type switch
    {
        PrimitiveType p when p.IsDecimal => p.Name.ToUpperInvariant(),
        PrimitiveType p => p.Name switch
        {
            "string" => "VARCHAR",
            "long" => "BIGINT",
            "integer" => "INTEGER",
            "short" => "SMALLINT",
            "byte" => "TINYINT",
            "float" => "FLOAT",
            "double" => "DOUBLE",
            "boolean" => "BOOLEAN",
            "binary" => "BLOB",
            "date" => "DATE",
            "timestamp" => "TIMESTAMP WITH TIME ZONE",
            "timestamp_ntz" => "TIMESTAMP",
            "void" => "INTEGER",
            _ => throw new DeltaException(DeltaErrorKind.Unsupported, $"the table uses the type '{p.Name}', which ByzerSharp does not support", "read it with Spark/Delta"),
        },
        ArrayType a => ToDuck(a.Element) + "[]",
        MapType m => $"MAP({ToDuck(m.Key)}, {ToDuck(m.Value)})",
        StructType s => "STRUCT(" + string.Join(", ", s.Fields.Select(f => Sql.Ident(f.Name) + " " + ToDuck(f.Type))) + ")",
        _ => throw new InvalidOperationException(type.ToString()),
    };

    /// <summary>The Delta type for a DuckDB type as DESCRIBE prints it; null for types Delta cannot hold.</summary>
    public static DeltaType? FromDuck(string duck)
    {
        var parser = new Parser(duck);
        var type = parser.Type();
        return parser.AtEnd ? type : null;
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public bool AtEnd
        {
            get
            {
                SkipSpace();
                return _pos >= text.Length;
            }
        }

        public DeltaType? Type()
        {
            SkipSpace();
            DeltaType? type;
            var word = Word();
            switch (word)
            {
                case "STRUCT":
                    Expect('(');
                    var fields = new List<StructField>();
                    while (true)
                    {
                        SkipSpace();
                        var name = Name();
                        var fieldType = Type();
                        if (fieldType is null)
                        {
                            return null;
                        }
                        fields.Add(StructField.Of(name, fieldType));
                        SkipSpace();
                        if (Peek() == ',')
                        {
                            _pos++;
                            continue;
                        }
                        Expect(')');
                        break;
                    }
                    type = new StructType(fields);
                    break;
                case "MAP":
                    Expect('(');
                    var key = Type();
                    Expect(',');
                    var value = Type();
                    Expect(')');
                    type = key is null || value is null ? null : new MapType(key, value, true);
                    break;
                case "DECIMAL" or "NUMERIC":
                    SkipSpace();
                    if (Peek() == '(')
                    {
                        _pos++;
                        var p = Number();
                        Expect(',');
                        var s = Number();
                        Expect(')');
                        type = new PrimitiveType($"decimal({p},{s})");
                    }
                    else
                    {
                        type = new PrimitiveType("decimal(18,3)");
                    }
                    break;
                case "TIMESTAMP":
                    SkipSpace();
                    if (text.AsSpan(_pos).StartsWith("WITH TIME ZONE", StringComparison.OrdinalIgnoreCase))
                    {
                        _pos += "WITH TIME ZONE".Length;
                    }
                    type = new PrimitiveType("timestamp");
                    break;
                default:
                    type = Primitive(word);
                    break;
            }
            SkipSpace();
            while (type is not null && Peek() == '[')
            {
                var close = text.IndexOf(']', _pos);
                if (close < 0)
                {
                    return null;
                }
                _pos = close + 1;
                type = new ArrayType(type, true);
                SkipSpace();
            }
            return type;
        }

        private static PrimitiveType? Primitive(string word) => word switch
        {
            "VARCHAR" or "TEXT" or "STRING" or "UUID" or "JSON" => new("string"),
            "BIGINT" or "INT8" or "LONG" or "UINTEGER" => new("long"),
            "INTEGER" or "INT4" or "INT" or "USMALLINT" => new("integer"),
            "SMALLINT" or "INT2" or "UTINYINT" => new("short"),
            "TINYINT" or "INT1" => new("byte"),
            "HUGEINT" => new("decimal(38,0)"),
            "UBIGINT" => new("decimal(20,0)"),
            "DOUBLE" or "FLOAT8" => new("double"),
            "FLOAT" or "REAL" or "FLOAT4" => new("float"),
            "BOOLEAN" or "BOOL" => new("boolean"),
            "BLOB" or "BYTEA" => new("binary"),
            "DATE" => new("date"),
            "TIMESTAMPTZ" or "TIMESTAMP_MS" or "TIMESTAMP_NS" or "TIMESTAMP_S" => new("timestamp"),
            _ => null,
        };

        private string Word()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }
            return text[start.._pos].ToUpperInvariant();
        }

        private string Name()
        {
            if (Peek() != '"')
            {
                var start = _pos;
                while (_pos < text.Length && text[_pos] != ' ')
                {
                    _pos++;
                }
                return text[start.._pos];
            }
            _pos++;
            var sb = new StringBuilder();
            while (_pos < text.Length)
            {
                if (text[_pos] == '"')
                {
                    if (_pos + 1 < text.Length && text[_pos + 1] == '"')
                    {
                        sb.Append('"');
                        _pos += 2;
                        continue;
                    }
                    _pos++;
                    break;
                }
                sb.Append(text[_pos++]);
            }
            return sb.ToString();
        }

        private int Number()
        {
            SkipSpace();
            var start = _pos;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                _pos++;
            }
            return int.Parse(text[start.._pos], CultureInfo.InvariantCulture);
        }

        private char Peek() => _pos < text.Length ? text[_pos] : '\0';

        private void Expect(char c)
        {
            SkipSpace();
            if (Peek() != c)
            {
                throw new FormatException($"expected '{c}' at {_pos} in {text}");
            }
            _pos++;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && text[_pos] == ' ')
            {
                _pos++;
            }
        }
    }
}
