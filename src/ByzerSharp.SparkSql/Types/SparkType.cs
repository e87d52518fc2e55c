using System.Globalization;

namespace ByzerSharp.SparkSql.Types;

/// <summary>The primitive Spark SQL types (3.3).</summary>
public enum TypeKind
{
    Null,
    Boolean,
    Byte,
    Short,
    Int,
    Long,
    Float,
    Double,
    Decimal,
    String,
    Binary,
    Date,
    Timestamp,
    Interval,
    Array,
    Map,
    Struct,

    /// <summary>A type the binder cannot know (a session UDF without a declared return type).</summary>
    Unknown,
}

/// <summary>
/// A Spark SQL data type. <see cref="ToString"/> is Spark's catalogString (`array&lt;int&gt;`),
/// <see cref="ToDuck"/> the DuckDB type that stores it.
/// </summary>
public record SparkType(TypeKind Kind)
{
    public static readonly SparkType Null = new(TypeKind.Null);
    public static readonly SparkType Boolean = new(TypeKind.Boolean);
    public static readonly SparkType Byte = new(TypeKind.Byte);
    public static readonly SparkType Short = new(TypeKind.Short);
    public static readonly SparkType Int = new(TypeKind.Int);
    public static readonly SparkType Long = new(TypeKind.Long);
    public static readonly SparkType Float = new(TypeKind.Float);
    public static readonly SparkType Double = new(TypeKind.Double);
    public static readonly SparkType String = new(TypeKind.String);
    public static readonly SparkType Binary = new(TypeKind.Binary);
    public static readonly SparkType Date = new(TypeKind.Date);
    public static readonly SparkType Timestamp = new(TypeKind.Timestamp);
    public static readonly SparkType Interval = new(TypeKind.Interval);
    public static readonly SparkType Unknown = new(TypeKind.Unknown);

    public bool IsIntegral => Kind is TypeKind.Byte or TypeKind.Short or TypeKind.Int or TypeKind.Long;

    public bool IsFractional => Kind is TypeKind.Float or TypeKind.Double or TypeKind.Decimal;

    public bool IsNumeric => IsIntegral || IsFractional;

    public bool IsString => Kind == TypeKind.String;

    public bool IsDatetime => Kind is TypeKind.Date or TypeKind.Timestamp;

    /// <summary>Spark's catalogString.</summary>
    public override string ToString() => Kind switch
    {
        TypeKind.Null => "void",
        TypeKind.Byte => "tinyint",
        TypeKind.Short => "smallint",
        TypeKind.Long => "bigint",
        TypeKind.Unknown => "unknown",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The DuckDB type used to store values of this type.</summary>
    public virtual string ToDuck() => Kind switch
    {
        TypeKind.Null => "INTEGER",
        TypeKind.Boolean => "BOOLEAN",
        TypeKind.Byte => "TINYINT",
        TypeKind.Short => "SMALLINT",
        TypeKind.Int => "INTEGER",
        TypeKind.Long => "BIGINT",
        TypeKind.Float => "FLOAT",
        TypeKind.Double => "DOUBLE",
        TypeKind.String => "VARCHAR",
        TypeKind.Binary => "BLOB",
        TypeKind.Date => "DATE",
        TypeKind.Timestamp => "TIMESTAMP",
        TypeKind.Interval => "INTERVAL",
        _ => "VARCHAR",
    };

    /// <summary>Spark's `cast(x as string)` name, used in generated column names.</summary>
    public string SqlName => ToString().ToUpperInvariant();

    public static SparkType Decimal(int precision, int scale) => new DecimalType(Math.Min(precision, 38), Math.Min(scale, 38));

    public static SparkType ArrayOf(SparkType element) => new ArrayType(element);
}

public sealed record DecimalType(int Precision, int Scale) : SparkType(TypeKind.Decimal)
{
    /// <summary>Decimal type that holds every value of an integral type (Spark's DecimalType.forType).</summary>
    public static DecimalType For(SparkType t) => t.Kind switch
    {
        TypeKind.Byte => new(3, 0),
        TypeKind.Short => new(5, 0),
        TypeKind.Int => new(10, 0),
        TypeKind.Long => new(20, 0),
        TypeKind.Float => new(14, 7),
        TypeKind.Double => new(30, 15),
        _ => t as DecimalType ?? new(38, 18),
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"decimal({Precision},{Scale})");

    public override string ToDuck() => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({Precision},{Scale})");
}

public sealed record ArrayType(SparkType Element) : SparkType(TypeKind.Array)
{
    public override string ToString() => $"array<{Element}>";

    public override string ToDuck() => Element.ToDuck() + "[]";
}

public sealed record MapType(SparkType Key, SparkType Value) : SparkType(TypeKind.Map)
{
    public override string ToString() => $"map<{Key},{Value}>";

    public override string ToDuck() => $"MAP({Key.ToDuck()}, {Value.ToDuck()})";
}

public sealed record StructField(string Name, SparkType Type);

public sealed record StructType(IReadOnlyList<StructField> Fields) : SparkType(TypeKind.Struct)
{
    public StructField? Find(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => "struct<" + string.Join(",", Fields.Select(f => f.Name + ":" + f.Type)) + ">";

    public override string ToDuck() => "STRUCT(" + string.Join(", ", Fields.Select(f => Quote(f.Name) + " " + f.Type.ToDuck())) + ")";

    public bool Equals(StructType? other) => other is not null && Fields.SequenceEqual(other.Fields);

    public override int GetHashCode() => Fields.Count;

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
