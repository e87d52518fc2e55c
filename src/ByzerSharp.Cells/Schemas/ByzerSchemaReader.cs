using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.Cells.Schemas;

/// <summary>
/// Byzer's own schema notation: <c>st(field(name,type),…)</c> with types
/// string|integer|long|double|float|boolean|binary|short|byte|date|timestamp|decimal(p,s)|array(T)|map(K,V)|st(…).
/// </summary>
internal sealed class ByzerSchemaReader
{
    private readonly string _text;
    private int _pos;

    private ByzerSchemaReader(string text) => _text = text;

    public static StructType Parse(string text)
    {
        var reader = new ByzerSchemaReader(text);
        var type = reader.Type();
        reader.Spaces();
        if (reader._pos != text.Length)
        {
            throw new SchemaSyntaxException($"unexpected '{text[reader._pos..]}' after the schema", reader._pos);
        }
        return type as StructType ?? throw new SchemaSyntaxException("the schema must be st(…)", 0);
    }

    /// <summary>A primitive type by its Byzer (or Spark JSON) name.</summary>
    public static SparkType? Primitive(string name) => name.ToLowerInvariant() switch
    {
        "string" => SparkType.String,
        "integer" or "int" => SparkType.Int,
        "long" or "bigint" => SparkType.Long,
        "double" => SparkType.Double,
        "float" => SparkType.Float,
        "boolean" => SparkType.Boolean,
        "binary" => SparkType.Binary,
        "short" => SparkType.Short,
        "byte" => SparkType.Byte,
        "date" => SparkType.Date,
        "timestamp" => SparkType.Timestamp,
        _ => null,
    };

    private SparkType Type()
    {
        Spaces();
        var start = _pos;
        var name = Word();
        switch (name.ToLowerInvariant())
        {
            case "st":
                Expect('(');
                var fields = new List<StructField>();
                do
                {
                    Spaces();
                    var fieldAt = _pos;
                    if (!Word().Equals("field", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new SchemaSyntaxException("expected field(name,type)", fieldAt);
                    }
                    Expect('(');
                    Spaces();
                    var fieldName = Word();
                    if (fieldName.Length == 0)
                    {
                        throw new SchemaSyntaxException("a field needs a name", _pos);
                    }
                    Expect(',');
                    fields.Add(new StructField(fieldName, Type()));
                    Expect(')');
                }
                while (TryTake(','));
                Expect(')');
                return new StructType(fields);
            case "array":
                Expect('(');
                var element = Type();
                Expect(')');
                return new ArrayType(element);
            case "map":
                Expect('(');
                var key = Type();
                Expect(',');
                var value = Type();
                Expect(')');
                return new MapType(key, value);
            case "decimal":
                Expect('(');
                var precision = int.Parse(Word(), System.Globalization.CultureInfo.InvariantCulture);
                Expect(',');
                var scale = int.Parse(Word(), System.Globalization.CultureInfo.InvariantCulture);
                Expect(')');
                return SparkType.Decimal(precision, scale);
            default:
                return Primitive(name) ?? throw new SchemaSyntaxException(
                    name.Length == 0 ? "expected a type" : $"unknown type '{name}'", start);
        }
    }

    private string Word()
    {
        Spaces();
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '`'))
        {
            _pos++;
        }
        return _text[start.._pos].Trim('`');
    }

    private void Expect(char c)
    {
        if (!TryTake(c))
        {
            throw new SchemaSyntaxException(_pos < _text.Length ? $"expected '{c}' but found '{_text[_pos]}'" : $"expected '{c}' but the schema ended", _pos);
        }
    }

    private bool TryTake(char c)
    {
        Spaces();
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }
        return false;
    }

    private void Spaces()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }
}
