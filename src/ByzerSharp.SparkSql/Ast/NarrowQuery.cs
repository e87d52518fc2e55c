using ByzerSharp.SparkSql.Functions;

namespace ByzerSharp.SparkSql.Ast;

/// <summary>
/// Recognises a query that Spark runs as narrow transformations of one table: it only projects and
/// filters, so every output row comes from exactly one row of that table and stays in its
/// partition. Anything that needs rows of other partitions (aggregates, DISTINCT, joins, set
/// operations, ORDER BY / SORT BY / CLUSTER BY / DISTRIBUTE BY, LIMIT, windows, sampling, subqueries)
/// or that makes several rows out of one (generators) is not narrow here. Unknown constructs count
/// as not narrow, so the answer errs towards "the partitioning is not kept".
/// </summary>
public static class NarrowQuery
{
    /// <summary>
    /// The one table the query reads when it is narrow, else null.
    /// <paramref name="isSessionAggregate"/> tells whether a function the session registered (not a
    /// Spark built-in) is an aggregate, such as a UDAF.
    /// </summary>
    public static TableRef? Source(Query query, Func<string, bool> isSessionAggregate)
    {
        if (query.With.Count > 0 || query.OrderBy.Count > 0 || query.Limit is not null || query.DistributeBy.Count > 0)
        {
            return null;
        }
        if (query.Body is not QuerySpec spec
            || spec.Distinct || spec.GroupBy is not null || spec.Having is not null
            || spec.LateralViews.Count > 0 || spec.Windows.Count > 0
            || spec.From is not TableRef { Sample: null, Name.Count: 1 } table)
        {
            return null;
        }
        var expressions = spec.Items.Select(i => i.Expr).Append(spec.Where);
        return expressions.All(e => e is null || IsRowWise(e, isSessionAggregate)) ? table : null;
    }

    /// <summary>True when the expression is computed from its own row only.</summary>
    private static bool IsRowWise(Expr expr, Func<string, bool> isSessionAggregate) => expr switch
    {
        Literal or ColumnRef or Star or IntervalLiteral => true,
        FunctionCall f => f.Over is null && f.Filter is null && !f.Distinct && IsScalarFunction(f.Name, isSessionAggregate)
            && f.Args.All(a => IsRowWise(a, isSessionAggregate)),
        InSubquery or Exists or ScalarSubquery => false,
        _ => Children(expr) is { } children && children.All(c => c is null || IsRowWise(c, isSessionAggregate)),
    };

    private static bool IsScalarFunction(string name, Func<string, bool> isSessionAggregate)
    {
        if (Generators.IsGenerator(name))
        {
            return false;
        }
        return FunctionLibrary.Find(name) is { } builtin ? builtin.Kind == FnKind.Scalar : !isSessionAggregate(name);
    }

    /// <summary>The sub-expressions of the operator nodes; null for a node this class does not know.</summary>
    private static IEnumerable<Expr?>? Children(Expr expr) => expr switch
    {
        Unary u => [u.Operand],
        Binary b => [b.Left, b.Right],
        Cast c => [c.Operand],
        CaseWhen w => w.Branches.SelectMany(x => new[] { x.When, x.Then }).Append(w.Operand).Append(w.Else),
        InList i => i.Values.Prepend(i.Operand),
        Between b => [b.Operand, b.Low, b.High],
        Like l => l.Patterns.Prepend(l.Operand).Append(l.Escape),
        IsNull n => [n.Operand],
        IsPredicate p => [p.Operand, p.Other],
        Subscript s => [s.Operand, s.Index],
        FieldAccess f => [f.Operand],
        Lambda l => [l.Body],
        Extract e => [e.Source],
        RowValue r => r.Items,
        _ => null,
    };
}
