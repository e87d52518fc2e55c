using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Binding;

/// <summary>A relation visible in a FROM clause: the alias emitted in SQL and its columns.</summary>
internal sealed record ScopeRelation(string? Alias, string SqlAlias, IReadOnlyList<ColumnInfo> Columns)
{
    /// <summary>Columns hidden from unqualified lookup (the right side of USING / NATURAL joins).</summary>
    public HashSet<string> HiddenUnqualified { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>The names an expression can see: FROM relations, lambda parameters, the enclosing query's scope.</summary>
internal sealed class Scope(Scope? outer)
{
    public Scope? Outer { get; } = outer;

    public List<ScopeRelation> Relations { get; } = [];

    public Dictionary<string, Bound> LambdaVars { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Output aliases of the select list (for GROUP BY / HAVING / ORDER BY references).</summary>
    public Dictionary<string, Bound> SelectAliases { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The GROUP BY keys (SQL) for grouping_id() and grouping__id.</summary>
    public List<string> GroupKeys { get; } = [];

    public IEnumerable<ColumnInfo> AllColumns => Relations.SelectMany(r => r.Columns);

    public Scope Child() => new(this);

    public Scope ForLambda(IEnumerable<(string Name, Bound Value)> vars)
    {
        var s = new Scope(this);
        s.Relations.AddRange(Relations);
        foreach (var (n, t) in vars)
        {
            s.LambdaVars[n] = t;
        }
        foreach (var (k, v) in LambdaVars)
        {
            s.LambdaVars.TryAdd(k, v);
        }
        return s;
    }
}
