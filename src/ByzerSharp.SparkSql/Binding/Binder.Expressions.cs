using System.Globalization;
using ByzerSharp.SparkSql.Ast;
using ByzerSharp.SparkSql.Functions;
using ByzerSharp.SparkSql.Types;
using ByzerSharp.Syntax.Parsing;

namespace ByzerSharp.SparkSql.Binding;

/// <summary>Expressions: resolves names, computes Spark types and names, and emits DuckDB SQL.</summary>
public sealed partial class Binder
{
    internal Bound BindExpr(Expr e, Scope scope) => e switch
    {
        Literal l => BindLiteral(l),
        ColumnRef c => BindColumn(c, scope),
        Unary u => BindUnary(u, scope),
        Binary b => BindBinary(b, scope),
        FunctionCall f => BindCall(f, scope),
        Cast c => BindCast(c, scope),
        CaseWhen c => BindCase(c, scope),
        InList i => BindIn(i, scope),
        InSubquery i => BindInSubquery(i, scope),
        Exists x => new Bound($"({(x.Not ? "NOT " : "")}EXISTS ({BindQuery(x.Query, scope.Child()).Sql}))", SparkType.Boolean, "exists(listquery())"),
        ScalarSubquery s => BindScalarSubquery(s, scope),
        Between b => BindBetween(b, scope),
        Like l => BindLike(l, scope),
        IsNull n => Wrap(BindExpr(n.Operand, scope), o => $"({o.Sql} IS {(n.Not ? "NOT " : "")}NULL)", o => $"({o.Name} IS {(n.Not ? "NOT " : "")}NULL)", SparkType.Boolean),
        IsPredicate p => BindIsPredicate(p, scope),
        Subscript s => BindSubscript(s, scope),
        FieldAccess f => BindField(BindExpr(f.Operand, scope), f.Field, f.Pos),
        IntervalLiteral i => new Bound($"INTERVAL {Sql.Str(i.Text)}", SparkType.Interval, i.SparkName),
        Extract x => BindCall(new FunctionCall(x.Pos, "date_part", x.Pos, [new Literal(x.Pos, LiteralKind.String, x.Field, SparkType.String), x.Source]), scope) with { Name = $"extract({x.Field} FROM {BindExpr(x.Source, scope).Name})" },
        RowValue r => BindRow(r, scope),
        Star s => throw new SqlError("'*' is only allowed in the select list or count(*)", s.Pos.Start, s.Pos.Length, "list the columns"),
        Lambda l => throw new SqlError("a lambda is only allowed as a function argument", l.Pos.Start, l.Pos.Length, "pass it to transform, filter, exists, aggregate…"),
        _ => throw new SqlError($"unsupported expression {e.GetType().Name}", e.Pos.Start, e.Pos.Length),
    };

    private static Bound Wrap(Bound o, Func<Bound, string> sql, Func<Bound, string> name, SparkType type) => new(sql(o), type, name(o));

    private static Bound BindLiteral(Literal l)
    {
        var sql = l.Kind switch
        {
            LiteralKind.Null => "NULL",
            LiteralKind.Boolean => l.Value,
            LiteralKind.String => Sql.Str(l.Value),
            LiteralKind.Binary => $"unhex({Sql.Str(l.Value)})",
            LiteralKind.Date => $"CAST({Sql.Str(l.Value.Trim())} AS DATE)",
            LiteralKind.Timestamp => $"CAST({Sql.Str(l.Value.Trim())} AS TIMESTAMP)",
            LiteralKind.Double => $"CAST({l.Value} AS DOUBLE)",
            LiteralKind.Float => $"CAST({l.Value} AS FLOAT)",
            LiteralKind.Decimal => $"CAST({Sql.Str(l.Value)} AS {l.Type.ToDuck()})",
            LiteralKind.Integer when l.Type.Kind == TypeKind.Int => l.Value,
            _ => $"CAST({l.Value} AS {l.Type.ToDuck()})",
        };
        var name = l.Kind switch
        {
            LiteralKind.Null => "NULL",
            LiteralKind.Double or LiteralKind.Float => JavaDouble(l.Value),
            LiteralKind.Binary => "X'" + l.Value + "'",
            LiteralKind.Date => $"DATE '{l.Value}'",
            LiteralKind.Timestamp => $"TIMESTAMP '{l.Value}'",
            _ => l.Value,
        };
        return new Bound(sql, l.Type, name) { IsLiteral = true, LiteralValue = l.Value };
    }

    /// <summary>Java's Double.toString for a literal's generated name (1D is `1.0`).</summary>
    private static string JavaDouble(string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return text;
        }
        return Runtime.JavaFormat.DoubleToString(d);
    }

    private Bound BindColumn(ColumnRef c, Scope scope)
    {
        var parts = c.Parts;
        // grouping__id: Hive's virtual column.
        if (parts.Count == 1 && string.Equals(parts[0], "grouping__id", StringComparison.OrdinalIgnoreCase))
        {
            return new Bound($"CAST(grouping_id({string.Join(", ", scope.GroupKeys)}) AS BIGINT)", SparkType.Long, "grouping__id");
        }
        for (var s = scope; s is not null; s = s.Outer)
        {
            if (s.LambdaVars.TryGetValue(parts[0], out var lt))
            {
                return Fields(lt with { Name = parts[0] }, parts, 1, c.Pos);
            }
            if (parts.Count >= 2)
            {
                var rel = s.Relations.FirstOrDefault(r => string.Equals(r.Alias, parts[0], StringComparison.OrdinalIgnoreCase));
                var col = rel?.Columns.FirstOrDefault(x => string.Equals(x.Name, parts[1], StringComparison.OrdinalIgnoreCase));
                if (rel is not null && col is not null)
                {
                    return Fields(new Bound(Sql.Ident(rel.SqlAlias) + "." + Sql.Ident(col.Name), col.Type, col.Name), parts, 2, c.Pos);
                }
            }
            var matches = s.Relations
                .SelectMany(r => r.Columns.Where(x => string.Equals(x.Name, parts[0], StringComparison.OrdinalIgnoreCase) && !r.HiddenUnqualified.Contains(x.Name)).Select(x => (r, x)))
                .ToList();
            if (matches.Count > 1)
            {
                throw new SqlError($"Reference '{parts[0]}' is ambiguous, could be: {string.Join(", ", matches.Select(m => (m.r.Alias ?? "?") + "." + m.x.Name))}",
                    c.Pos.Start, c.Pos.Length, "qualify the column with its table alias");
            }
            if (matches.Count == 1)
            {
                var (r, x) = matches[0];
                // The output of a set operation has no relation alias (ORDER BY after UNION).
                var qualified = r.SqlAlias.Length == 0 ? Sql.Ident(x.Name) : Sql.Ident(r.SqlAlias) + "." + Sql.Ident(x.Name);
                return Fields(new Bound(qualified, x.Type, x.Name), parts, 1, c.Pos);
            }
            if (parts.Count == 1 && s.SelectAliases.TryGetValue(parts[0], out var alias))
            {
                return new Bound(Sql.Ident(parts[0]), alias.Type, parts[0]);
            }
        }
        var all = scope.AllColumns.Select(x => x.Name).Concat(scope.LambdaVars.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var written = string.Join(".", parts);
        var suggestion = Suggest.Closest(parts[^1], all);
        throw new SqlError(
            $"cannot resolve '{written}' given input columns: [{string.Join(", ", all)}]",
            c.Pos.Start, c.Pos.Length,
            suggestion is not null ? $"did you mean '{suggestion}'?" : "check the column name; quote names with special characters in backquotes");
    }

    /// <summary>Lambda parameters get a prefix so they never capture a column of the same name in DuckDB.</summary>
    private static string LambdaName(string name) => "__l_" + name.ToLowerInvariant();

    private static Bound Fields(Bound b, IReadOnlyList<string> parts, int from, Pos pos)
    {
        for (var i = from; i < parts.Count; i++)
        {
            b = BindField(b, parts[i], pos);
        }
        return b;
    }

    private static Bound BindField(Bound b, string field, Pos pos)
    {
        switch (b.Type)
        {
            case StructType st when st.Find(field) is { } f:
                return new Bound($"struct_extract({b.Sql}, {Sql.Str(f.Name)})", f.Type, f.Name);
            case ArrayType { Element: StructType est } when est.Find(field) is { } ef:
                return new Bound($"list_transform({b.Sql}, lambda __x: struct_extract(__x, {Sql.Str(ef.Name)}))", new ArrayType(ef.Type), ef.Name);
            case MapType m when m.Key.IsString:
                return new Bound($"{b.Sql}[{Sql.Str(field)}]", m.Value, field);
            case { Kind: TypeKind.Unknown }:
                return new Bound($"struct_extract({b.Sql}, {Sql.Str(field)})", SparkType.Unknown, field);
            default:
                throw new SqlError($"cannot read field '{field}' of {b.Name} of type {b.Type}", pos.Start, pos.Length, "only struct columns have fields");
        }
    }

    private Bound BindUnary(Unary u, Scope scope)
    {
        var o = BindExpr(u.Operand, scope);
        return u.Op switch
        {
            "NOT" => new Bound($"(NOT {SparkCast.Coerce(o, SparkType.Boolean).Sql})", SparkType.Boolean, $"(NOT {o.Name})"),
            "-" => new Bound($"(- {NumericOperand(o).Sql})", o.Type.IsString ? SparkType.Double : o.Type, $"(- {o.Name})"),
            "+" => o with { Name = $"(+ {o.Name})" },
            _ => new Bound($"(~ {o.Sql})", o.Type, $"~{o.Name}"),
        };
    }

    private static Bound NumericOperand(Bound b) => b.Type.IsString ? SparkCast.Coerce(b, SparkType.Double) : b;

    private Bound BindBinary(Binary b, Scope scope)
    {
        var l = BindExpr(b.Left, scope);
        var r = BindExpr(b.Right, scope);
        var name = $"({l.Name} {(b.Op is "div" ? "div" : b.Op)} {r.Name})";
        switch (b.Op)
        {
            case "AND" or "OR":
                return new Bound($"({SparkCast.Coerce(l, SparkType.Boolean).Sql} {b.Op} {SparkCast.Coerce(r, SparkType.Boolean).Sql})", SparkType.Boolean, name);
            case "=" or "<>" or "<" or "<=" or ">" or ">=" or "<=>":
                {
                    var (cl, cr) = CoerceComparison(l, r);
                    var op = b.Op == "<=>" ? "IS NOT DISTINCT FROM" : b.Op;
                    return new Bound($"({cl.Sql} {op} {cr.Sql})", SparkType.Boolean, name);
                }
            case "||":
                return FunctionLibrary.Concat([l, r]) with { Name = $"concat({l.Name}, {r.Name})" };
            case "^":
                return new Bound($"xor({l.Sql}, {r.Sql})", TypeCoercion.Tightest(l.Type, r.Type) ?? l.Type, name);
            case "&" or "|":
                return new Bound($"({l.Sql} {b.Op} {r.Sql})", TypeCoercion.Tightest(l.Type, r.Type) ?? l.Type, name);
            case "/":
                {
                    var t = TypeCoercion.Division(l.Type, r.Type);
                    if (t is DecimalType)
                    {
                        return new Bound($"TRY_CAST(({l.Sql} / NULLIF({r.Sql}, 0)) AS {t.ToDuck()})", t, name);
                    }
                    var ld = SparkCast.Coerce(l, SparkType.Double);
                    var rd = SparkCast.Coerce(r, SparkType.Double);
                    return new Bound($"({ld.Sql} / NULLIF({rd.Sql}, 0))", SparkType.Double, name);
                }
            case "div":
                {
                    if (l.Type.IsIntegral && r.Type.IsIntegral)
                    {
                        return new Bound($"CAST(({l.Sql} // NULLIF({r.Sql}, 0)) AS BIGINT)", SparkType.Long, name);
                    }
                    var ld = NumericOperand(l);
                    var rd = NumericOperand(r);
                    return new Bound($"CAST(trunc({ld.Sql} / NULLIF({rd.Sql}, 0)) AS BIGINT)", SparkType.Long, name);
                }
            case "+" or "-" when l.Type.Kind == TypeKind.Date && r.Type.IsIntegral:
                return new Bound($"({l.Sql} {b.Op} {r.Sql})", SparkType.Date, name);
            case "+" or "-" when l.Type.IsDatetime && r.Type.Kind == TypeKind.Interval:
                return new Bound($"({l.Sql} {b.Op} {r.Sql})", SparkType.Timestamp, name);
            default:
                {
                    var t = TypeCoercion.Arithmetic(b.Op, LiteralDecimal(l, r), LiteralDecimal(r, l));
                    var cl = l.Type.IsString ? SparkCast.Coerce(l, SparkType.Double) : l;
                    var cr = r.Type.IsString ? SparkCast.Coerce(r, SparkType.Double) : r;
                    var sql = $"({cl.Sql} {b.Op} {cr.Sql})";
                    // DuckDB's decimal result types differ from DecimalPrecision; the cast keeps Spark's.
                    if (t is DecimalType)
                    {
                        sql = $"CAST({sql} AS {t.ToDuck()})";
                    }
                    return new Bound(sql, t, name);
                }
        }
    }

    /// <summary>DecimalPrecision's literalPickMinimumPrecision: an integer literal next to a decimal is decimal(digits, 0).</summary>
    private static SparkType LiteralDecimal(Bound b, Bound other) =>
        b.IsLiteral && b.Type.IsIntegral && other.Type is DecimalType && b.LiteralValue is { } v
            ? SparkType.Decimal(Math.Max(1, v.TrimStart('-').Length), 0)
            : b.Type;

    private static (Bound, Bound) CoerceComparison(Bound l, Bound r)
    {
        var t = TypeCoercion.Comparison(l.Type, r.Type);
        if (t is null || t.Kind == TypeKind.Unknown)
        {
            return (l, r);
        }
        // Only the string/null sides need an explicit Spark cast; DuckDB widens numbers itself.
        var cl = l.Type.IsString && !t.IsString ? SparkCast.Coerce(l, t) : l;
        var cr = r.Type.IsString && !t.IsString ? SparkCast.Coerce(r, t) : r;
        return (cl, cr);
    }

    private Bound BindCast(Cast c, Scope scope)
    {
        var o = BindExpr(c.Operand, scope);
        var name = c.FunctionName is not null ? $"{c.FunctionName}({o.Name})" : $"CAST({o.Name} AS {c.Type.SqlName})";
        return new Bound(SparkCast.Emit(o.Sql, o.Type, c.Type), c.Type, name);
    }

    private Bound BindCase(CaseWhen c, Scope scope)
    {
        var operand = c.Operand is null ? null : BindExpr(c.Operand, scope);
        var whens = c.Branches.Select(b => BindExpr(b.When, scope)).ToList();
        var thens = c.Branches.Select(b => BindExpr(b.Then, scope)).ToList();
        var otherwise = c.Else is null ? null : BindExpr(c.Else, scope);
        var values = otherwise is null ? thens : [.. thens, otherwise];
        var type = TypeCoercion.Wider(values.Select(v => v.Type))
            ?? throw new SqlError($"CASE branches have incompatible types: {string.Join(", ", values.Select(v => v.Type).Distinct())}", c.Pos.Start, c.Pos.Length, "cast the branches to one type");
        var sql = new System.Text.StringBuilder("CASE");
        var name = new System.Text.StringBuilder("CASE");
        if (operand is not null)
        {
            sql.Append(' ').Append(operand.Sql);
            name.Append(' ').Append(operand.Name);
        }
        for (var i = 0; i < whens.Count; i++)
        {
            var w = operand is null ? SparkCast.Coerce(whens[i], SparkType.Boolean) : whens[i];
            sql.Append(" WHEN ").Append(w.Sql).Append(" THEN ").Append(CoerceBranch(thens[i], type).Sql);
            name.Append(" WHEN ").Append(whens[i].Name).Append(" THEN ").Append(thens[i].Name);
        }
        if (otherwise is not null)
        {
            sql.Append(" ELSE ").Append(CoerceBranch(otherwise, type).Sql);
            name.Append(" ELSE ").Append(otherwise.Name);
        }
        sql.Append(" END");
        name.Append(" END");
        return new Bound(sql.ToString(), type, name.ToString());
    }

    /// <summary>Branches are cast to the widened type when DuckDB would not widen the same way (to string).</summary>
    internal static Bound CoerceBranch(Bound b, SparkType to) =>
        to.IsString && !b.Type.IsString ? SparkCast.Coerce(b, to) : to is DecimalType && b.Type is not DecimalType ? SparkCast.Coerce(b, to) : b;

    private Bound BindIn(InList i, Scope scope)
    {
        var o = BindExpr(i.Operand, scope);
        var values = i.Values.Select(v => BindExpr(v, scope)).ToList();
        var type = TypeCoercion.Wider(values.Select(v => v.Type).Prepend(o.Type));
        var co = type is null ? o : CoerceBranch(o, type);
        var cv = type is null ? values : values.Select(v => CoerceBranch(v, type)).ToList();
        var name = $"({o.Name} {(i.Not ? "NOT " : "")}IN ({string.Join(", ", values.Select(v => v.Name))}))";
        return new Bound($"({co.Sql} {(i.Not ? "NOT " : "")}IN ({string.Join(", ", cv.Select(v => v.Sql))}))", SparkType.Boolean, name);
    }

    private Bound BindInSubquery(InSubquery i, Scope scope)
    {
        var o = BindExpr(i.Operand, scope);
        var q = BindQuery(i.Query, scope.Child());
        return new Bound($"({o.Sql} {(i.Not ? "NOT " : "")}IN ({q.Sql}))", SparkType.Boolean, $"({o.Name} IN (listquery()))");
    }

    private Bound BindScalarSubquery(ScalarSubquery s, Scope scope)
    {
        var q = BindQuery(s.Query, scope.Child());
        if (q.Columns.Count != 1)
        {
            throw new SqlError($"a scalar subquery must return one column, not {q.Columns.Count}", s.Pos.Start, s.Pos.Length, "select exactly one column in the subquery");
        }
        return new Bound($"({q.Sql})", q.Columns[0].Type, "scalarsubquery()");
    }

    private Bound BindBetween(Between b, Scope scope)
    {
        var o = BindExpr(b.Operand, scope);
        var lo = BindExpr(b.Low, scope);
        var hi = BindExpr(b.High, scope);
        var (o1, l1) = CoerceComparison(o, lo);
        var (o2, h1) = CoerceComparison(o, hi);
        var sql = $"(({o1.Sql} >= {l1.Sql}) AND ({o2.Sql} <= {h1.Sql}))";
        var name = $"(({o.Name} >= {lo.Name}) AND ({o.Name} <= {hi.Name}))";
        return b.Not ? new Bound($"(NOT {sql})", SparkType.Boolean, $"(NOT {name})") : new Bound(sql, SparkType.Boolean, name);
    }

    private Bound BindLike(Like l, Scope scope)
    {
        var o = SparkCast.Coerce(BindExpr(l.Operand, scope), SparkType.String);
        var patterns = l.Patterns.Select(p => SparkCast.Coerce(BindExpr(p, scope), SparkType.String)).ToList();
        // Spark's default LIKE escape is a backslash; a literal pattern without one needs no ESCAPE
        // clause, which keeps DuckDB's fast prefix/suffix/contains paths.
        string Escape(Bound p) => l.Escape is not null ? $" ESCAPE {BindExpr(l.Escape, scope).Sql}"
            : p.IsLiteral && !p.LiteralValue!.Contains('\\', StringComparison.Ordinal) ? "" : " ESCAPE '\\'";
        string One(Bound p) => l.Op switch
        {
            "RLIKE" => FunctionLibrary.RegexMatches(o.Sql, p),
            "ILIKE" => $"({o.Sql} ILIKE {p.Sql}{Escape(p)})",
            _ => $"({o.Sql} LIKE {p.Sql}{Escape(p)})",
        };
        string sql;
        string name;
        if (l.Quantifier is { } q)
        {
            sql = "(" + string.Join(q == "ANY" ? " OR " : " AND ", patterns.Select(One)) + ")";
            name = $"{o.Name} {l.Op} {q} ({string.Join(", ", patterns.Select(p => p.Name))})";
        }
        else
        {
            sql = One(patterns[0]);
            name = l.Op == "RLIKE" ? $"RLIKE({o.Name}, {patterns[0].Name})" : $"{o.Name} {l.Op} {patterns[0].Name}";
        }
        return l.Not ? new Bound($"(NOT {sql})", SparkType.Boolean, $"(NOT {name})") : new Bound(sql, SparkType.Boolean, name);
    }

    private Bound BindIsPredicate(IsPredicate p, Scope scope)
    {
        var o = BindExpr(p.Operand, scope);
        if (p.What == "DISTINCT")
        {
            var other = BindExpr(p.Other!, scope);
            var (cl, cr) = CoerceComparison(o, other);
            return new Bound($"({cl.Sql} IS {(p.Not ? "NOT " : "")}DISTINCT FROM {cr.Sql})", SparkType.Boolean, $"(NOT ({o.Name} <=> {other.Name}))");
        }
        var sql = p.What == "UNKNOWN" ? $"({o.Sql} IS NULL)" : $"({o.Sql} IS NOT DISTINCT FROM {p.What})";
        return new Bound(p.Not ? $"(NOT {sql})" : sql, SparkType.Boolean, $"({o.Name} IS {(p.Not ? "NOT " : "")}{p.What})");
    }

    private Bound BindSubscript(Subscript s, Scope scope)
    {
        var o = BindExpr(s.Operand, scope);
        var i = BindExpr(s.Index, scope);
        var name = $"{o.Name}[{i.Name}]";
        switch (o.Type)
        {
            case ArrayType a:
                {
                    // Spark's a[i] is 0-based and NULL out of range (also for negative i).
                    if (i.IsLiteral && long.TryParse(i.LiteralValue, out var k))
                    {
                        return new Bound(k < 0 ? $"CAST(NULL AS {a.Element.ToDuck()})" : $"{o.Sql}[{k + 1}]", a.Element, name);
                    }
                    var ci = SparkCast.Coerce(i, SparkType.Int);
                    return new Bound($"{o.Sql}[CASE WHEN {ci.Sql} >= 0 THEN {ci.Sql} + 1 END]", a.Element, name);
                }
            case MapType m:
                return new Bound($"{o.Sql}[{SparkCast.Coerce(i, m.Key).Sql}]", m.Value, name);
            case { Kind: TypeKind.Unknown }:
                return new Bound($"{o.Sql}[{i.Sql} + 1]", SparkType.Unknown, name);
            default:
                throw new SqlError($"cannot index {o.Name} of type {o.Type}", s.Pos.Start, s.Pos.Length, "[…] applies to arrays (0-based) and maps");
        }
    }

    private Bound BindRow(RowValue r, Scope scope)
    {
        var items = r.Items.Select(x => BindExpr(x, scope)).ToList();
        var fields = items.Select((x, k) => new StructField("col" + (k + 1).ToString(CultureInfo.InvariantCulture), x.Type)).ToList();
        return new Bound($"row({string.Join(", ", items.Select(x => x.Sql))})", new StructType(fields), $"named_struct({string.Join(", ", items.Select(x => x.Name))})");
    }

    /// <summary>Binds a lambda argument with known parameter types; DuckDB's `lambda x, i: …` form.</summary>
    /// <remarks>An <paramref name="indexParam"/> is Spark's 0-based element index: DuckDB's is 1-based.</remarks>
    internal (string Sql, Bound Body) BindLambda(Expr e, Scope scope, IReadOnlyList<SparkType> paramTypes, int indexParam = -1)
    {
        if (e is not Lambda l)
        {
            throw new SqlError("expected a lambda function such as x -> x + 1", e.Pos.Start, e.Pos.Length, "write the function as x -> expression");
        }
        if (l.Params.Count > paramTypes.Count)
        {
            throw new SqlError($"the lambda takes {l.Params.Count} parameters but at most {paramTypes.Count} are allowed here", l.Pos.Start, l.Pos.Length);
        }
        var inner = scope.ForLambda(l.Params.Select((p, k) =>
            (p, new Bound(k == indexParam ? $"({Sql.Ident(LambdaName(p))} - 1)" : Sql.Ident(LambdaName(p)), paramTypes[k], p))));
        var body = BindExpr(l.Body, inner);
        var names = string.Join(", ", l.Params.Select(p => Sql.Ident(LambdaName(p))));
        var lambdaName = $"lambdafunction({body.Name}, {string.Join(", ", l.Params)})";
        return ($"lambda {names}: {body.Sql}", body with { Name = lambdaName });
    }

    /// <summary>
    /// Binds a lambda's body with each parameter standing for a given SQL expression, for
    /// functions whose DuckDB form iterates something else (map entries: `(k, v) -> …` over `__e.key`, `__e.value`).
    /// </summary>
    internal Bound BindLambdaBody(Expr e, Scope scope, IReadOnlyList<(SparkType Type, string Sql)> parameters)
    {
        if (e is not Lambda l)
        {
            throw new SqlError("expected a lambda function such as (k, v) -> v", e.Pos.Start, e.Pos.Length, "write the function as (k, v) -> expression");
        }
        if (l.Params.Count != parameters.Count)
        {
            throw new SqlError($"the lambda takes {l.Params.Count} parameters but {parameters.Count} are expected here", l.Pos.Start, l.Pos.Length);
        }
        var inner = scope.ForLambda(l.Params.Select((p, k) => (p, new Bound(parameters[k].Sql, parameters[k].Type, p))));
        var body = BindExpr(l.Body, inner);
        return body with { Name = $"lambdafunction({body.Name}, {string.Join(", ", l.Params)})" };
    }
}
