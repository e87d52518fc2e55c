namespace ByzerSharp.SparkSql.Ast;

/// <summary>A query with its WITH clause and the trailing ORDER BY / SORT BY / CLUSTER BY / LIMIT.</summary>
public sealed record Query(
    Pos Pos,
    IReadOnlyList<Cte> With,
    QueryTerm Body,
    IReadOnlyList<SortItem> OrderBy,
    Expr? Limit,
    IReadOnlyList<Expr> DistributeBy);

public sealed record Cte(Pos Pos, string Name, IReadOnlyList<string> Columns, Query Query);

public abstract record QueryTerm(Pos Pos);

public sealed record SelectItem(Expr Expr, string? Alias, Pos Pos);

public sealed record QuerySpec(
    Pos Pos,
    bool Distinct,
    IReadOnlyList<SelectItem> Items,
    Relation? From,
    IReadOnlyList<LateralView> LateralViews,
    Expr? Where,
    GroupBy? GroupBy,
    Expr? Having,
    IReadOnlyDictionary<string, WindowSpec> Windows) : QueryTerm(Pos);

/// <summary>UNION / INTERSECT / EXCEPT (MINUS is EXCEPT) with ALL or DISTINCT.</summary>
public sealed record SetOperation(Pos Pos, string Op, bool All, QueryTerm Left, QueryTerm Right) : QueryTerm(Pos);

public sealed record NestedQuery(Pos Pos, Query Query) : QueryTerm(Pos);

public sealed record ValuesTerm(Pos Pos, IReadOnlyList<IReadOnlyList<Expr>> Rows) : QueryTerm(Pos);

/// <summary>GROUP BY: plain keys, or ROLLUP/CUBE/GROUPING SETS (incl. Hive's `WITH ROLLUP`).</summary>
public sealed record GroupBy(Pos Pos, string Kind, IReadOnlyList<Expr> Keys, IReadOnlyList<IReadOnlyList<Expr>> Sets);

public sealed record LateralView(Pos Pos, bool Outer, FunctionCall Generator, string? TableAlias, IReadOnlyList<string> ColumnAliases);

public abstract record Relation(Pos Pos);

public sealed record TableRef(Pos Pos, IReadOnlyList<string> Name, string? Alias, IReadOnlyList<string> ColumnAliases, Sample? Sample) : Relation(Pos);

public sealed record Sample(string Kind, Expr Amount);

public sealed record SubqueryRelation(Pos Pos, Query Query, string? Alias, IReadOnlyList<string> ColumnAliases) : Relation(Pos);

public sealed record ValuesRelation(Pos Pos, IReadOnlyList<IReadOnlyList<Expr>> Rows, string? Alias, IReadOnlyList<string> ColumnAliases) : Relation(Pos);

/// <summary>A function in FROM: `range(10)`, `explode(array(1,2))`.</summary>
public sealed record TableFunction(Pos Pos, FunctionCall Call, string? Alias, IReadOnlyList<string> ColumnAliases) : Relation(Pos);

/// <summary>A join; Kind is INNER, LEFT, RIGHT, FULL, CROSS, SEMI, ANTI.</summary>
public sealed record Join(Pos Pos, string Kind, bool Natural, Relation Left, Relation Right, Expr? On, IReadOnlyList<string> Using) : Relation(Pos);
