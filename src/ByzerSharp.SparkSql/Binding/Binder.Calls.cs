using System.Text;
using ByzerSharp.SparkSql.Ast;
using ByzerSharp.SparkSql.Functions;
using ByzerSharp.SparkSql.Types;
using ByzerSharp.Syntax.Parsing;

namespace ByzerSharp.SparkSql.Binding;

/// <summary>Function calls: built-ins first (as Spark resolves them), then session functions.</summary>
public sealed partial class Binder
{
    /// <summary>`int(x)`, `string(x)`…: Spark's cast-alias functions.</summary>
    private static readonly Dictionary<string, SparkType> CastAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["boolean"] = SparkType.Boolean, ["tinyint"] = SparkType.Byte, ["smallint"] = SparkType.Short, ["int"] = SparkType.Int,
        ["bigint"] = SparkType.Long, ["float"] = SparkType.Float, ["double"] = SparkType.Double, ["decimal"] = SparkType.Decimal(10, 0),
        ["string"] = SparkType.String, ["binary"] = SparkType.Binary, ["date"] = SparkType.Date, ["timestamp"] = SparkType.Timestamp,
    };

    private static List<Expr> ExpandStarArgs(FunctionCall f, Scope scope)
    {
        if (scope.Relations.Count == 0)
        {
            throw new SqlError($"'*' in {f.Name}(*) needs a FROM clause", f.Pos.Start, f.Pos.Length, "add FROM <table>");
        }
        var args = new List<Expr>();
        foreach (var r in scope.Relations)
        {
            foreach (var c in r.Columns.Where(c => !r.HiddenUnqualified.Contains(c.Name)))
            {
                args.Add(new ColumnRef(f.Pos, r.Alias is null ? [c.Name] : [r.Alias, c.Name]));
            }
        }
        return args;
    }

    private Bound BindCall(FunctionCall f, Scope scope)
    {
        var lower = f.Name.ToLowerInvariant();
        if (CastAliases.TryGetValue(lower, out var castType) && f.Over is null)
        {
            if (f.Args.Count != 1)
            {
                throw new SqlError($"function {lower} takes exactly one argument, but {f.Args.Count} were given", f.NamePos.Start, f.NamePos.Length, $"write {lower}(x) or CAST(x AS {lower})");
            }
            return BindCast(new Cast(f.Pos, f.Args[0], castType), scope);
        }
        if (f.CountStar && lower != "count")
        {
            // Spark expands `f(*)` (other than count) to the FROM columns: struct(*), to_json(struct(*)), concat(*)…
            f = f with { Args = ExpandStarArgs(f, scope), CountStar = false };
        }
        // A function registered in the session shadows a built-in of the same name, as a Spark
        // temporary function does.
        var def = functions.Find(f.Name) is null ? FunctionLibrary.Find(lower) : null;
        if (def is null)
        {
            return BindSessionFunction(f, scope);
        }
        if (f.Args.Count < def.MinArgs || f.Args.Count > def.MaxArgs)
        {
            var expected = def.MinArgs == def.MaxArgs ? $"{def.MinArgs}" : def.MaxArgs == FunctionLibrary.Variadic ? $"at least {def.MinArgs}" : $"{def.MinArgs} to {def.MaxArgs}";
            throw new SqlError($"function {lower} takes {expected} argument(s), but {f.Args.Count} were given", f.NamePos.Start, f.NamePos.Length, "see docs/sql.md for the supported signatures");
        }
        if (f.Over is not null && def.Kind == FnKind.Scalar)
        {
            throw new SqlError($"{lower} is not a window or aggregate function and cannot have OVER", f.NamePos.Start, f.NamePos.Length, "remove the OVER clause");
        }
        if (def.Kind == FnKind.Window && f.Over is null)
        {
            throw new SqlError($"window function {lower} requires an OVER clause", f.NamePos.Start, f.NamePos.Length, $"write {lower}(…) OVER (PARTITION BY … ORDER BY …)");
        }
        var args = f.Args.Select(a => a is Lambda ? null : BindExpr(a, scope)).ToList();
        var call = new FnCall(this, scope, f, args);
        var result = def.Impl(call);

        var argNames = string.Join(", ", f.Args.Select((a, i) => args[i]?.Name ?? (a is Lambda ? BindLambdaName(call, i) : "?")));
        var name = result.Name ?? (f.CountStar ? $"{lower}(1)" : $"{lower}({(f.Distinct ? "DISTINCT " : "")}{argNames})");

        var sql = new StringBuilder(result.Sql);
        var filter = result.Filter;
        if (f.Filter is not null)
        {
            var user = SparkCast.Coerce(BindExpr(f.Filter, scope), SparkType.Boolean).Sql;
            filter = filter is null ? user : $"({filter}) AND ({user})";
        }
        if (filter is not null)
        {
            if (def.Kind == FnKind.Scalar)
            {
                throw new SqlError($"FILTER is only allowed on aggregate functions, not {lower}", f.NamePos.Start, f.NamePos.Length);
            }
            sql.Append(" FILTER (WHERE ").Append(filter).Append(')');
        }
        if (f.Over is not null)
        {
            var (overSql, overName) = BindWindow(f.Over, scope, def.Kind == FnKind.Window);
            sql.Append(" OVER (").Append(overSql).Append(')');
            name += $" OVER ({overName})";
        }
        var text = result.Wrap is null ? sql.ToString() : string.Format(System.Globalization.CultureInfo.InvariantCulture, result.Wrap, sql);
        return new Bound(text, result.Type, name);
    }

    private static string BindLambdaName(FnCall call, int i) => "lambdafunction(…)";

    /// <param name="capiAggregate">
    /// a C# aggregate (DuckDB C API). DuckDB computes a frame that covers the whole partition with its
    /// constant aggregator, which hands the C API one state pointer for a whole chunk of rows: the
    /// function, told there is one per row, reads past it. Such a frame is written as
    /// <see cref="WholePartitionRows"/> instead, which DuckDB computes with a segment tree and real
    /// per-row states; the rows in the frame are the same.
    /// </param>
    private (string Sql, string Name) BindWindow(WindowSpec spec, Scope scope, bool ranking, bool capiAggregate = false)
    {
        if (spec.Name is { } windowName)
        {
            if (!_windows.TryGetValue(windowName, out var named))
            {
                throw new SqlError($"window '{windowName}' is not defined", spec.Pos.Start, spec.Pos.Length, "define it with WINDOW name AS (…) after HAVING");
            }
            spec = named with { Name = null };
        }
        var sql = new StringBuilder();
        var name = new StringBuilder();
        if (spec.PartitionBy.Count > 0)
        {
            var parts = spec.PartitionBy.Select(p => BindExpr(p, scope)).ToList();
            sql.Append("PARTITION BY ").Append(string.Join(", ", parts.Select(p => p.Sql)));
            name.Append("PARTITION BY ").Append(string.Join(", ", parts.Select(p => p.Name)));
        }
        if (spec.OrderBy.Count > 0)
        {
            sql.Append(sql.Length > 0 ? " " : "").Append("ORDER BY ").Append(string.Join(", ", spec.OrderBy.Select(o => BindSortItem(o, scope))));
            name.Append(name.Length > 0 ? " " : "").Append("ORDER BY ").Append(string.Join(", ", spec.OrderBy.Select(o =>
                $"{BindExpr(o.Expr, scope).Name} {(o.Descending ? "DESC" : "ASC")} NULLS {((o.NullsFirst ?? !o.Descending) ? "FIRST" : "LAST")}")));
        }
        string frameName;
        if (capiAggregate && CoversWholePartition(spec))
        {
            sql.Append(' ').Append(WholePartitionRows);
            frameName = spec.Frame is { } whole
                ? $"{whole.Unit} BETWEEN {whole.Start.Kind} AND {whole.End?.Kind ?? "CURRENT ROW"}"
                : "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING";
        }
        else if (spec.Frame is { } frame)
        {
            var frameSql = $"{frame.Unit} BETWEEN {Bound(frame.Start, scope)} AND {(frame.End is null ? "CURRENT ROW" : Bound(frame.End, scope))}";
            sql.Append(' ').Append(frameSql);
            frameName = frameSql;
        }
        else
        {
            frameName = ranking ? "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"
                : spec.OrderBy.Count > 0 ? "RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW" : "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING";
        }
        name.Append(name.Length > 0 ? " " : "").Append(frameName);
        return (sql.ToString().Trim(), name.ToString());
    }

    /// <summary>Every row of the partition, bounded by an offset no partition reaches (2^62 - 1, so row + offset cannot overflow).</summary>
    private const string WholePartitionRows = "ROWS BETWEEN UNBOUNDED PRECEDING AND 4611686018427387903 FOLLOWING";

    /// <summary>Whether the frame is the whole partition: no ORDER BY and no frame, both bounds unbounded, or a RANGE of peers without ORDER BY (every row is a peer).</summary>
    private static bool CoversWholePartition(WindowSpec spec)
    {
        if (spec.Frame is not { } frame)
        {
            return spec.OrderBy.Count == 0;
        }
        var end = frame.End?.Kind ?? "CURRENT ROW";
        if (frame.Start.Kind == "UNBOUNDED PRECEDING" && end == "UNBOUNDED FOLLOWING")
        {
            return true;
        }
        return frame.Unit.Equals("RANGE", StringComparison.OrdinalIgnoreCase) && spec.OrderBy.Count == 0
            && frame.Start.Kind is ("UNBOUNDED PRECEDING" or "CURRENT ROW") && end is ("UNBOUNDED FOLLOWING" or "CURRENT ROW");
    }

    private string Bound(FrameBound b, Scope scope) => b.Offset is null ? b.Kind : $"{BindExpr(b.Offset, scope).Sql} {b.Kind}";

    private Bound BindSessionFunction(FunctionCall f, Scope scope)
    {
        var lower = f.Name.ToLowerInvariant();
        if (functions.Find(f.Name) is { } session)
        {
            if (!session.IsAggregate && (f.Over is not null || f.Filter is not null || f.Distinct))
            {
                var clause = f.Over is not null ? "OVER" : f.Filter is not null ? "FILTER" : "DISTINCT";
                throw new SqlError($"{f.Name} is not an aggregate function and cannot have {clause}", f.NamePos.Start, f.NamePos.Length,
                    $"remove {clause}, or register {f.Name} with udfType=\"udaf\" to aggregate");
            }
            if (session.Arity is { } arity && f.Args.Count != arity)
            {
                throw new SqlError($"Invalid number of arguments for function {f.Name}. Expected: {arity}; Found: {f.Args.Count}", f.NamePos.Start, f.NamePos.Length,
                    $"call it with {arity} argument{(arity == 1 ? "" : "s")}, as it was registered");
            }
            var args = f.Args.Select(a => BindExpr(a, scope)).ToList();
            var distinct = f.Distinct ? "DISTINCT " : "";
            var sql = new StringBuilder($"{session.SqlName}({distinct}{string.Join(", ", args.Select(a => a.Sql))})");
            var name = $"{f.Name}({distinct}{string.Join(", ", args.Select(a => a.Name))})";
            if (f.Filter is not null)
            {
                sql.Append(" FILTER (WHERE ").Append(SparkCast.Coerce(BindExpr(f.Filter, scope), SparkType.Boolean).Sql).Append(')');
            }
            if (f.Over is not null)
            {
                var (overSql, overName) = BindWindow(f.Over, scope, ranking: false, capiAggregate: true);
                sql.Append(" OVER (").Append(overSql).Append(')');
                name += $" OVER ({overName})";
            }
            return new Bound(sql.ToString(), session.ReturnType, name);
        }
        var suggestion = Suggest.Closest(lower, FunctionLibrary.Names.Concat(functions.Names).Concat(CastAliases.Keys));
        throw new SqlError(
            $"Undefined function: '{f.Name}'. This function is neither a built-in function nor a function registered in the session",
            f.NamePos.Start, f.NamePos.Length,
            suggestion is not null ? $"did you mean '{suggestion}'?" : "register it with `register ScriptUDF.`` as …` or see docs/sql.md for the built-in functions");
    }
}
