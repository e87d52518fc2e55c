using ByzerSharp.DuckDb;

namespace ByzerSharp.DataSources.Json;

/// <summary>
/// A type in Spark's JSON schema inference (JsonInferSchema): the lattice values are merged
/// across all records, and the result is written as a DuckDB type for read_json's columns=.
/// </summary>
public abstract record JsonType
{
    public static readonly JsonType Null = new Atom("NULL");
    public static readonly JsonType Boolean = new Atom("BOOLEAN");
    public static readonly JsonType Long = new Atom("BIGINT");
    public static readonly JsonType Decimal = new Atom("DECIMAL(38,0)");
    public static readonly JsonType Double = new Atom("DOUBLE");
    public static readonly JsonType String = new Atom("VARCHAR");

    /// <summary>The DuckDB type; a type seen only as null becomes a string, as in Spark.</summary>
    public abstract string ToDuck();

    /// <summary>Spark's compatibleType: numbers widen, structs merge field-wise, any other conflict is a string.</summary>
    public static JsonType Merge(JsonType a, JsonType b)
    {
        if (a == b)
        {
            return a;
        }
        if (a == Null)
        {
            return b;
        }
        if (b == Null)
        {
            return a;
        }
        if (IsNumber(a) && IsNumber(b))
        {
            return a == Double || b == Double ? Double : Decimal;
        }
        return (a, b) switch
        {
            (Struct x, Struct y) => Struct.Merge(x, y),
            (Array x, Array y) => new Array(Merge(x.Element, y.Element)),
            _ => String,
        };
    }

    private static bool IsNumber(JsonType t) => t == Long || t == Decimal || t == Double;

    public sealed record Atom(string Duck) : JsonType
    {
        public override string ToDuck() => Duck == "NULL" ? "VARCHAR" : Duck;
    }

    public sealed record Array(JsonType Element) : JsonType
    {
        public override string ToDuck() => Element.ToDuck() + "[]";
    }

    /// <summary>Fields are kept sorted by name (ordinal), which is the column order Spark infers.</summary>
    public sealed record Struct(SortedDictionary<string, JsonType> Fields) : JsonType
    {
        public override string ToDuck() =>
            "STRUCT(" + string.Join(", ", Fields.Select(f => Sql.Ident(f.Key) + " " + f.Value.ToDuck())) + ")";

        public static Struct Merge(Struct x, Struct y)
        {
            var fields = new SortedDictionary<string, JsonType>(x.Fields, StringComparer.Ordinal);
            foreach (var (name, type) in y.Fields)
            {
                fields[name] = fields.TryGetValue(name, out var existing) ? JsonType.Merge(existing, type) : type;
            }
            return new Struct(fields);
        }

        public bool Equals(Struct? other) => other is not null && Fields.Count == other.Fields.Count
            && Fields.All(f => other.Fields.TryGetValue(f.Key, out var t) && t == f.Value);

        public override int GetHashCode() => Fields.Count;
    }
}
