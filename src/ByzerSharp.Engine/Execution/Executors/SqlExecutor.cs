using System.Text.RegularExpressions;
using ByzerSharp.Planning;
using ByzerSharp.Session;

namespace ByzerSharp.Execution.Executors;

/// <summary>
/// Runs <see cref="PlanSql"/> (insert/create/drop/refresh) on DuckDB. Byzer tables are visible to
/// it by name; DROP VIEW/TABLE of a Byzer table removes it from the catalog, and REFRESH
/// (Spark's cache invalidation) has nothing to do here.
/// </summary>
internal static partial class SqlExecutor
{
    public static TableEntry? Execute(ByzerSession session, PlanSql step)
    {
        var sql = session.Render(step.Sql.Text, step.Sql.Span);
        if (step.Sql is Syntax.Ast.RefreshStatement)
        {
            return null;
        }
        if (step.Sql is Syntax.Ast.DropStatement && DropPattern().Match(sql) is { Success: true } m)
        {
            var name = m.Groups["name"].Value.Trim('`', '"');
            if (session.Catalog.Contains(name))
            {
                session.DropTable(name);
                return null;
            }
            if (m.Groups["ifexists"].Success && !session.Catalog.Contains(name))
            {
                session.Database.Execute("DROP " + m.Groups["kind"].Value + " IF EXISTS " + DuckDb.Sql.Ident(name), step.Sql.Span);
                return null;
            }
        }
        session.Database.Execute(sql, step.Sql.Span);
        return null;
    }

    [GeneratedRegex(@"^\s*drop\s+(?<kind>view|table)\s+(?<ifexists>if\s+exists\s+)?(?<name>`[^`]+`|""[^""]+""|[\w.]+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DropPattern();
}
