using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Ast;

/// <summary>A place in the select body: offset and length of the node's text.</summary>
public readonly record struct Pos(int Start, int Length)
{
    public int End => Start + Length;

    public static Pos Between(Pos a, Pos b) => new(a.Start, Math.Max(a.End, b.End) - a.Start);
}

/// <summary>A Spark SQL expression. Every node records where it is in the text for errors.</summary>
public abstract record Expr(Pos Pos);

public enum LiteralKind
{
    Null,
    Boolean,
    Integer,
    Decimal,
    Double,
    Float,
    String,
    Binary,
    Date,
    Timestamp,
    Interval,
}

/// <summary>
/// A literal. <see cref="Value"/> is the literal's value as text (a string unescaped, a number's
/// digits without suffix); <see cref="Type"/> its Spark type.
/// </summary>
public sealed record Literal(Pos Pos, LiteralKind Kind, string Value, SparkType Type) : Expr(Pos);

/// <summary>`a`, `t.a`, `s.f.g`: resolved by the binder as a column, a qualified column or struct fields.</summary>
public sealed record ColumnRef(Pos Pos, IReadOnlyList<string> Parts) : Expr(Pos);

/// <summary>`*` or `t.*`.</summary>
public sealed record Star(Pos Pos, string? Qualifier) : Expr(Pos);

public sealed record Unary(Pos Pos, string Op, Expr Operand) : Expr(Pos);

/// <summary>Binary operators, with Spark's spelling normalised: `==` is `=`, `!=` is `&lt;&gt;`, `div`, `and`, `or` lower-case.</summary>
public sealed record Binary(Pos Pos, string Op, Expr Left, Expr Right) : Expr(Pos);

public sealed record FunctionCall(
    Pos Pos,
    string Name,
    Pos NamePos,
    IReadOnlyList<Expr> Args,
    bool Distinct = false,
    bool CountStar = false,
    Expr? Filter = null,
    WindowSpec? Over = null,
    bool IgnoreNulls = false) : Expr(Pos);

public sealed record WindowSpec(Pos Pos, IReadOnlyList<Expr> PartitionBy, IReadOnlyList<SortItem> OrderBy, WindowFrame? Frame, string? Name = null);

public sealed record WindowFrame(string Unit, FrameBound Start, FrameBound? End);

/// <summary>`UNBOUNDED PRECEDING`, `CURRENT ROW`, `n FOLLOWING`… (<see cref="Offset"/> null for unbounded/current).</summary>
public sealed record FrameBound(string Kind, Expr? Offset);

/// <summary>CAST(x AS t), TRY_CAST, and the `int(x)` function forms (<see cref="FunctionName"/> set).</summary>
public sealed record Cast(Pos Pos, Expr Operand, SparkType Type, bool Try = false, string? FunctionName = null) : Expr(Pos);

public sealed record CaseWhen(Pos Pos, Expr? Operand, IReadOnlyList<(Expr When, Expr Then)> Branches, Expr? Else) : Expr(Pos);

public sealed record InList(Pos Pos, Expr Operand, IReadOnlyList<Expr> Values, bool Not) : Expr(Pos);

public sealed record InSubquery(Pos Pos, Expr Operand, Query Query, bool Not) : Expr(Pos);

public sealed record Exists(Pos Pos, Query Query, bool Not) : Expr(Pos);

public sealed record ScalarSubquery(Pos Pos, Query Query) : Expr(Pos);

public sealed record Between(Pos Pos, Expr Operand, Expr Low, Expr High, bool Not) : Expr(Pos);

/// <summary>LIKE / ILIKE / RLIKE, with `LIKE ANY|ALL (…)` as a <see cref="Quantifier"/> over <see cref="Patterns"/>.</summary>
public sealed record Like(Pos Pos, string Op, Expr Operand, IReadOnlyList<Expr> Patterns, bool Not, Expr? Escape = null, string? Quantifier = null) : Expr(Pos);

public sealed record IsNull(Pos Pos, Expr Operand, bool Not) : Expr(Pos);

/// <summary>`x IS [NOT] TRUE|FALSE|UNKNOWN`, `x IS [NOT] DISTINCT FROM y`.</summary>
public sealed record IsPredicate(Pos Pos, Expr Operand, string What, bool Not, Expr? Other = null) : Expr(Pos);

/// <summary>`a[i]`: 0-based for arrays, a key for maps.</summary>
public sealed record Subscript(Pos Pos, Expr Operand, Expr Index) : Expr(Pos);

/// <summary>`(expr).field`: a struct field of a computed value.</summary>
public sealed record FieldAccess(Pos Pos, Expr Operand, string Field) : Expr(Pos);

public sealed record Lambda(Pos Pos, IReadOnlyList<string> Params, Expr Body) : Expr(Pos);

/// <summary>`interval 2 hours 30 minutes` and `interval '1' day`: the normalised DuckDB interval text.</summary>
public sealed record IntervalLiteral(Pos Pos, string Text, string SparkName) : Expr(Pos);

public sealed record Extract(Pos Pos, string Field, Expr Source) : Expr(Pos);

/// <summary>`(a, b)` used as a row value (IN with tuples, struct construction).</summary>
public sealed record RowValue(Pos Pos, IReadOnlyList<Expr> Items) : Expr(Pos);

public sealed record SortItem(Expr Expr, bool Descending, bool? NullsFirst);
