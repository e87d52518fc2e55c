using ByzerSharp.Session;
using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.DuckDb;

/// <summary>
/// The session catalog as the Spark SQL translator sees it: a Byzer name reads its current
/// immutable DuckDB object; a name DuckDB knows itself (pass-through SQL) stays as written.
/// </summary>
internal sealed class SessionSchemaProvider(ByzerSession session) : ISchemaProvider
{
    public TableSchema? FindTable(string name)
    {
        if (session.Catalog.Find(name) is { } entry)
        {
            return Describe(Sql.Ident(entry.DuckName));
        }
        if (!name.Contains('.', StringComparison.Ordinal) && session.Database.RelationExists(name))
        {
            return Describe(Sql.Ident(name));
        }
        return null;
    }

    public IEnumerable<string> TableNames => session.Catalog.Tables.Select(t => t.Name);

    private TableSchema Describe(string sql) =>
        new(sql, session.Database.Describe(sql).Select(c => new ColumnInfo(c.Name, TypeParser.FromDuck(c.DuckType))).ToList());
}

/// <summary>Functions registered by `register` statements (DuckDB macros or C# functions of that name).</summary>
internal sealed class SessionFunctionRegistry(ByzerSession session) : IFunctionRegistry
{
    public SessionFunction? Find(string name) =>
        session.Functions.TryGetValue(name, out var f) ? new SessionFunction(Sql.Ident(f.SqlName ?? f.Name), f.ReturnType, f.IsAggregate, f.Arity) : null;

    public IEnumerable<string> Names => session.Functions.Keys;
}
