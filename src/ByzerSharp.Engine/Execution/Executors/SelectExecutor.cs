using ByzerSharp.DuckDb;
using ByzerSharp.Planning;
using ByzerSharp.Session;

namespace ByzerSharp.Execution.Executors;

/// <summary>Runs <see cref="PlanSelect"/>: the body becomes a lazy DuckDB view over the current tables.</summary>
internal static class SelectExecutor
{
    public static TableEntry Execute(ByzerSession session, PlanSelect step)
    {
        var select = step.Select;
        var sql = session.Render(select.Query.Text, select.Query, forSelect: true);
        var name = session.Render(select.TableName);
        var rewritten = TableRefRewriter.Rewrite(session.Database, session.Catalog, sql, select.Query);
        return session.DefineTable(name, rewritten, TableKind.View, select.Span, "select");
    }
}
