using System.Globalization;
using System.Text;
using ByzerSharp.SparkSql.Ast;
using ByzerSharp.SparkSql.Functions;
using ByzerSharp.SparkSql.Types;
using ByzerSharp.Syntax.Parsing;

namespace ByzerSharp.SparkSql.Binding;

/// <summary>
/// Binds a parsed query against the session's tables and emits DuckDB SQL in one pass: every
/// expression gets its Spark type and Spark's generated name, every select item an explicit alias.
/// One instance per statement; the work is per statement, never per row.
/// </summary>
public sealed partial class Binder(ISchemaProvider tables, IFunctionRegistry functions)
{
    private readonly Dictionary<string, TableSchema> _ctes = new(StringComparer.OrdinalIgnoreCase);
    private int _aliasCounter;

    internal IFunctionRegistry Functions => functions;

    public TranslatedQuery Bind(Query query) => BindQuery(query, new Scope(null));

    internal TranslatedQuery BindQuery(Query q, Scope outer)
    {
        var saved = new Dictionary<string, TableSchema>(_ctes, StringComparer.OrdinalIgnoreCase);
        var sb = new StringBuilder();
        try
        {
            if (q.With.Count > 0)
            {
                sb.Append("WITH ");
                for (var i = 0; i < q.With.Count; i++)
                {
                    var cte = q.With[i];
                    var bound = BindQuery(cte.Query, outer);
                    var cols = cte.Columns.Count > 0
                        ? bound.Columns.Select((c, k) => k < cte.Columns.Count ? c with { Name = cte.Columns[k] } : c).ToList()
                        : bound.Columns.ToList();
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }
                    sb.Append(Sql.Ident(cte.Name));
                    if (cte.Columns.Count > 0)
                    {
                        sb.Append('(').Append(string.Join(", ", cte.Columns.Select(Sql.Ident))).Append(')');
                    }
                    sb.Append(" AS (").Append(bound.Sql).Append(')');
                    _ctes[cte.Name] = new TableSchema(Sql.Ident(cte.Name), cols);
                }
                sb.Append(' ');
            }
            var (bodySql, columns, bodyScope) = BindTerm(q.Body, outer);
            sb.Append(bodySql);
            if (q.OrderBy.Count > 0)
            {
                // ORDER BY sees the output names first, then (for a plain select) the input columns.
                var orderScope = bodyScope ?? OutputScope(columns, outer);
                sb.Append(" ORDER BY ").Append(string.Join(", ", q.OrderBy.Select(o => BindSortItem(o, orderScope))));
            }
            if (q.Limit is not null)
            {
                sb.Append(" LIMIT ").Append(BindExpr(q.Limit, outer).Sql);
            }
            return new TranslatedQuery(sb.ToString(), columns);
        }
        finally
        {
            _ctes.Clear();
            foreach (var (k, v) in saved)
            {
                _ctes[k] = v;
            }
        }
    }

    private static Scope OutputScope(IReadOnlyList<ColumnInfo> columns, Scope outer)
    {
        var s = outer.Child();
        s.Relations.Add(new ScopeRelation(null, "", columns));
        return s;
    }

    internal string BindSortItem(SortItem o, Scope scope)
    {
        var sql = o.Expr is Literal { Kind: LiteralKind.Integer } ordinal ? ordinal.Value : BindPreferringAliases(o.Expr, scope).Sql;
        // Spark: ASC puts NULLs first and DESC last, unless the query says otherwise.
        var nullsFirst = o.NullsFirst ?? !o.Descending;
        return $"{sql} {(o.Descending ? "DESC" : "ASC")} NULLS {(nullsFirst ? "FIRST" : "LAST")}";
    }

    /// <summary>ORDER BY and HAVING: a bare name that is a select alias means the alias.</summary>
    private Bound BindPreferringAliases(Expr e, Scope scope)
    {
        if (e is ColumnRef { Parts.Count: 1 } c && scope.SelectAliases.TryGetValue(c.Parts[0], out var alias))
        {
            return new Bound(Sql.Ident(c.Parts[0]), alias.Type, c.Parts[0]);
        }
        return BindExpr(e, scope);
    }

    /// <summary>The SQL of a query term, its output columns and (for a select) the scope ORDER BY may use.</summary>
    private (string Sql, IReadOnlyList<ColumnInfo> Columns, Scope? Scope) BindTerm(QueryTerm term, Scope outer)
    {
        switch (term)
        {
            case QuerySpec spec:
                return BindSpec(spec, outer);
            case NestedQuery n:
                {
                    var q = BindQuery(n.Query, outer);
                    return ("(" + q.Sql + ")", q.Columns, null);
                }
            case ValuesTerm v:
                {
                    var (sql, cols) = BindValues(v.Rows, outer, null, []);
                    return ($"SELECT * FROM {sql}", cols, null);
                }
            case SetOperation s:
                {
                    var (ls, lc, _) = BindTerm(s.Left, outer);
                    var (rs, rc, _) = BindTerm(s.Right, outer);
                    if (lc.Count != rc.Count)
                    {
                        throw new SqlError($"{s.Op} can only be performed on inputs with the same number of columns, but the first has {lc.Count} columns and the second has {rc.Count}",
                            s.Pos.Start, s.Pos.Length, "select the same number of columns on both sides");
                    }
                    var cols = lc.Select((c, k) => c with { Type = TypeCoercion.Wider(c.Type, rc[k].Type) ?? c.Type }).ToList();
                    return ($"({ls}) {s.Op}{(s.All ? " ALL" : "")} ({rs})", cols, null);
                }
            default:
                throw new SqlError("unsupported query", term.Pos.Start, term.Pos.Length);
        }
    }

    private (string Sql, IReadOnlyList<ColumnInfo> Columns) BindValues(IReadOnlyList<IReadOnlyList<Expr>> rows, Scope outer, string? alias, IReadOnlyList<string> names)
    {
        var bound = rows.Select(r => r.Select(e => BindExpr(e, outer)).ToList()).ToList();
        var width = bound[0].Count;
        if (bound.Any(r => r.Count != width))
        {
            throw new SqlError("VALUES rows must all have the same number of columns", 0, 1, "give every row the same number of values");
        }
        var types = Enumerable.Range(0, width).Select(k => TypeCoercion.Wider(bound.Select(r => r[k].Type)) ?? SparkType.String).ToList();
        var colNames = Enumerable.Range(0, width).Select(k => k < names.Count ? names[k] : "col" + (k + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        var rowsSql = string.Join(", ", bound.Select(r => "(" + string.Join(", ", r.Select((b, k) => SparkCast.Coerce(b, types[k]).Sql)) + ")"));
        var sqlAlias = alias ?? NextAlias();
        return ($"(VALUES {rowsSql}) AS {Sql.Ident(sqlAlias)}({string.Join(", ", colNames.Select(Sql.Ident))})",
            colNames.Select((n, k) => new ColumnInfo(n, types[k] is { Kind: TypeKind.Null } ? SparkType.Null : types[k])).ToList());
    }

    private string NextAlias() => "__r" + (++_aliasCounter).ToString(CultureInfo.InvariantCulture);

    private (string Sql, IReadOnlyList<ColumnInfo> Columns, Scope Scope) BindSpec(QuerySpec spec, Scope outer)
    {
        var scope = outer.Child();
        var savedWindows = _windows;
        _windows = spec.Windows;
        var sb = new StringBuilder("SELECT ");
        if (spec.Distinct)
        {
            sb.Append("DISTINCT ");
        }
        string? fromSql = null;
        if (spec.From is not null)
        {
            fromSql = BindRelation(spec.From, scope, outer);
        }
        var lateralSql = new StringBuilder();
        foreach (var lv in spec.LateralViews)
        {
            lateralSql.Append(' ').Append(BindLateralView(lv, scope));
        }
        var whereSql = spec.Where is null ? null : SparkCast.Coerce(BindExpr(spec.Where, scope), SparkType.Boolean).Sql;

        // Group keys are bound before the select list so grouping_id() knows them; aliases come from the select list.
        var selectAliasesByName = spec.Items.Where(i => i.Alias is not null).GroupBy(i => i.Alias!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Expr, StringComparer.OrdinalIgnoreCase);
        string? groupSql = null;
        if (spec.GroupBy is { } g)
        {
            string Key(Expr e)
            {
                if (e is Literal { Kind: LiteralKind.Integer } ord)
                {
                    var n = int.Parse(ord.Value, CultureInfo.InvariantCulture);
                    if (n < 1 || n > spec.Items.Count)
                    {
                        throw new SqlError($"GROUP BY position {n} is not in select list (valid range is [1, {spec.Items.Count}])", e.Pos.Start, e.Pos.Length, "use a position of the select list or a column");
                    }
                    return BindExpr(spec.Items[n - 1].Expr, scope).Sql;
                }
                try
                {
                    return BindExpr(e, scope).Sql;
                }
                catch (SqlError) when (e is ColumnRef { Parts.Count: 1 } c && selectAliasesByName.TryGetValue(c.Parts[0], out var aliased))
                {
                    return BindExpr(aliased, scope).Sql;
                }
            }
            var keys = g.Keys.Select(Key).ToList();
            scope.GroupKeys.AddRange(keys.Distinct());
            groupSql = g.Kind switch
            {
                "PLAIN" => string.Join(", ", keys),
                "ROLLUP" or "CUBE" => $"{g.Kind} ({string.Join(", ", keys)})",
                _ => "GROUPING SETS (" + string.Join(", ", g.Sets.Select(set => "(" + string.Join(", ", set.Select(Key)) + ")")) + ")",
            };
        }

        var items = new List<string>();
        var columns = new List<ColumnInfo>();
        foreach (var item in spec.Items)
        {
            if (item.Expr is Star star)
            {
                var rels = star.Qualifier is null ? scope.Relations : scope.Relations.Where(r => string.Equals(r.Alias, star.Qualifier, StringComparison.OrdinalIgnoreCase)).ToList();
                if (star.Qualifier is not null && rels.Count == 0)
                {
                    throw new SqlError($"cannot resolve '{star.Qualifier}.*'", star.Pos.Start, star.Pos.Length, "use an alias of a table in FROM");
                }
                if (scope.Relations.Count == 0)
                {
                    throw new SqlError("'*' needs a FROM clause", star.Pos.Start, star.Pos.Length, "add FROM <table>");
                }
                foreach (var r in rels)
                {
                    foreach (var c in r.Columns)
                    {
                        if (star.Qualifier is null && r.HiddenUnqualified.Contains(c.Name))
                        {
                            continue;
                        }
                        items.Add($"{Sql.Ident(r.SqlAlias)}.{Sql.Ident(c.Name)}");
                        columns.Add(c);
                    }
                }
                continue;
            }
            if (item.Expr is FunctionCall { Over: null } gen && Generators.IsGenerator(gen.Name))
            {
                var g2 = Generators.BindInSelect(this, gen, scope, item.Alias);
                items.AddRange(g2.Select(x => x.Sql));
                columns.AddRange(g2.Select(x => x.Column));
                continue;
            }
            var b = BindExpr(item.Expr, scope);
            var name = item.Alias ?? b.Name;
            items.Add($"{b.Sql} AS {Sql.Ident(name)}");
            columns.Add(new ColumnInfo(name, b.Type));
            if (item.Alias is not null)
            {
                scope.SelectAliases.TryAdd(item.Alias, b);
            }
        }
        sb.Append(string.Join(", ", items));
        if (fromSql is not null)
        {
            sb.Append(" FROM ").Append(fromSql).Append(lateralSql);
        }
        if (whereSql is not null)
        {
            sb.Append(" WHERE ").Append(whereSql);
        }
        if (groupSql is not null)
        {
            sb.Append(" GROUP BY ").Append(groupSql);
        }
        if (spec.Having is not null)
        {
            sb.Append(" HAVING ").Append(SparkCast.Coerce(BindPreferringAliases(spec.Having, scope), SparkType.Boolean).Sql);
        }
        _windows = savedWindows;
        return (sb.ToString(), columns, scope);
    }

    private IReadOnlyDictionary<string, WindowSpec> _windows = new Dictionary<string, WindowSpec>();

    private string BindLateralView(LateralView lv, Scope scope)
    {
        var alias = lv.TableAlias ?? NextAlias();
        var cols = Generators.BindInSelect(this, lv.Generator, scope, null, lv.ColumnAliases);
        var select = string.Join(", ", cols.Select(c => c.Sql));
        scope.Relations.Add(new ScopeRelation(alias, alias, cols.Select(c => c.Column).ToList()));
        return lv.Outer
            ? $"LEFT JOIN LATERAL (SELECT {select}) AS {Sql.Ident(alias)} ON true"
            : $"CROSS JOIN LATERAL (SELECT {select}) AS {Sql.Ident(alias)}";
    }

    /// <summary>Emits a FROM item and adds its relations to <paramref name="scope"/>.</summary>
    private string BindRelation(Relation rel, Scope scope, Scope outer)
    {
        switch (rel)
        {
            case TableRef t:
                {
                    var name = string.Join(".", t.Name);
                    var schema = (t.Name.Count == 1 && _ctes.TryGetValue(name, out var cte) ? cte : null)
                        ?? tables.FindTable(name)
                        ?? throw UnknownTable(name, t.Pos);
                    var alias = t.Alias ?? t.Name[^1];
                    var cols = Rename(schema.Columns, t.ColumnAliases);
                    scope.Relations.Add(new ScopeRelation(alias, alias, cols));
                    var sql = $"{schema.Sql} AS {Sql.Ident(alias)}";
                    if (t.ColumnAliases.Count > 0)
                    {
                        sql += "(" + string.Join(", ", t.ColumnAliases.Select(Sql.Ident)) + ")";
                    }
                    if (t.Sample is { } sample)
                    {
                        var amount = BindExpr(sample.Amount, outer).Sql;
                        sql += sample.Kind == "ROWS" ? $" TABLESAMPLE reservoir({amount} ROWS)" : $" TABLESAMPLE bernoulli({amount} PERCENT)";
                    }
                    return sql;
                }
            case SubqueryRelation s:
                {
                    var q = BindQuery(s.Query, outer);
                    var alias = s.Alias ?? NextAlias();
                    var cols = Rename(q.Columns, s.ColumnAliases);
                    scope.Relations.Add(new ScopeRelation(s.Alias, alias, cols));
                    return $"({q.Sql}) AS {Sql.Ident(alias)}" + (s.ColumnAliases.Count > 0 ? "(" + string.Join(", ", s.ColumnAliases.Select(Sql.Ident)) + ")" : "");
                }
            case ValuesRelation v:
                {
                    var alias = v.Alias ?? NextAlias();
                    var (sql, cols) = BindValues(v.Rows, outer, alias, v.ColumnAliases);
                    scope.Relations.Add(new ScopeRelation(v.Alias, alias, cols));
                    return sql;
                }
            case TableFunction f:
                return Generators.BindTableFunction(this, f, scope, outer, NextAlias());
            case Join j:
                return BindJoin(j, scope, outer);
            default:
                throw new SqlError("unsupported relation", rel.Pos.Start, rel.Pos.Length);
        }
    }

    private static List<ColumnInfo> Rename(IReadOnlyList<ColumnInfo> cols, IReadOnlyList<string> names) =>
        cols.Select((c, k) => k < names.Count ? c with { Name = names[k] } : c).ToList();

    private string BindJoin(Join j, Scope scope, Scope outer)
    {
        var left = BindRelation(j.Left, scope, outer);
        var leftCount = scope.Relations.Count;
        var right = BindRelation(j.Right, scope, outer);
        var rightRels = scope.Relations.Skip(leftCount).ToList();
        var keyword = j.Kind switch
        {
            "INNER" => "JOIN",
            "CROSS" => "CROSS JOIN",
            "LEFT" => "LEFT JOIN",
            "RIGHT" => "RIGHT JOIN",
            "FULL" => "FULL JOIN",
            "SEMI" => "SEMI JOIN",
            _ => "ANTI JOIN",
        };
        var usingCols = j.Using.ToList();
        if (j.Natural)
        {
            var leftNames = scope.Relations.Take(leftCount).SelectMany(r => r.Columns.Select(c => c.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            usingCols = rightRels.SelectMany(r => r.Columns.Select(c => c.Name)).Where(leftNames.Contains).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
        string condition;
        if (usingCols.Count > 0)
        {
            foreach (var r in rightRels)
            {
                foreach (var c in usingCols)
                {
                    r.HiddenUnqualified.Add(c);
                }
            }
            condition = $" USING ({string.Join(", ", usingCols.Select(Sql.Ident))})";
            if (j.Natural && keyword == "CROSS JOIN")
            {
                keyword = "JOIN";
            }
        }
        else if (j.On is not null)
        {
            condition = " ON " + SparkCast.Coerce(BindExpr(j.On, scope), SparkType.Boolean).Sql;
        }
        else
        {
            condition = keyword is "CROSS JOIN" ? "" : keyword is "JOIN" ? "" : " ON true";
            if (keyword == "JOIN")
            {
                keyword = "CROSS JOIN";
            }
        }
        if (j.Kind is "SEMI" or "ANTI")
        {
            // Only the left side's columns are visible after a semi/anti join.
            scope.Relations.RemoveRange(leftCount, scope.Relations.Count - leftCount);
        }
        return $"{left} {keyword} {right}{condition}";
    }

    private SqlError UnknownTable(string name, Pos pos)
    {
        var names = tables.TableNames.Concat(_ctes.Keys).ToList();
        var suggestion = Suggest.Closest(name, names);
        return new SqlError($"Table or view not found: {name}", pos.Start, Math.Max(1, Math.Min(pos.Length, name.Length)),
            suggestion is not null ? $"did you mean '{suggestion}'?" : names.Count == 0 ? "no tables are defined yet; load or select one first" : $"defined tables: {string.Join(", ", names.Order(StringComparer.OrdinalIgnoreCase))}");
    }
}
