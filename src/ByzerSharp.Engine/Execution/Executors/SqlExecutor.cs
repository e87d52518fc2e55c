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
        session.Database.Execute(TranslateBody(session, sql, step.Sql.Span), step.Sql.Span);
        return null;
    }

    /// <summary>
    /// The query of `insert into|overwrite t [(cols)] <query>` and
    /// `create [or replace] [temp] view|table v [(cols)] as <query>` is Spark SQL like a select
    /// body: it goes through the Spark translator, the statement's head is kept as written. A query
    /// the Spark layer rejects is passed to DuckDB unchanged, as before.
    /// </summary>
    internal static string TranslateBody(ByzerSession session, string sql, Text.SourceSpan? span)
    {
        var m = InsertPattern().Match(sql);
        if (!m.Success)
        {
            m = CreateAsPattern().Match(sql);
        }
        if (!m.Success)
        {
            return sql;
        }
        var query = m.Groups["query"];
        try
        {
            var translated = DuckDb.SelectTranslator.Translate(session, query.Value, span);
            return sql[..query.Index] + translated.Sql;
        }
        catch (Diagnostics.ByzerException e) when (e.Kind == Diagnostics.ErrorKind.Semantic)
        {
            // Pass-through SQL (DuckDB-only functions such as parquet_metadata) stays as written.
            return sql;
        }
    }

    [GeneratedRegex(@"^\s*insert\s+(?:into|overwrite)\s+(?:table\s+)?(?:`[^`]+`|""[^""]+""|[\w.]+)(?:\s*\([^()]*\))?\s*(?<query>(?:(?:select|with|from)\b|\().*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex InsertPattern();

    [GeneratedRegex(@"^\s*create\s+(?:or\s+replace\s+)?(?:(?:global\s+)?temp(?:orary)?\s+)?(?:view|table)\s+(?:if\s+not\s+exists\s+)?(?:`[^`]+`|""[^""]+""|[\w.]+)(?:\s*\([^()]*\))?\s+as\s+(?<query>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CreateAsPattern();

    [GeneratedRegex(@"^\s*drop\s+(?<kind>view|table)\s+(?<ifexists>if\s+exists\s+)?(?<name>`[^`]+`|""[^""]+""|[\w.]+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DropPattern();
}
