using ByzerSharp.DuckDb;
using ByzerSharp.Planning;
using ByzerSharp.Session;

namespace ByzerSharp.Execution.Executors;

/// <summary>
/// Runs <see cref="PlanSelect"/>: the Spark SQL body is translated to DuckDB SQL with Spark's
/// semantics (docs/sql.md) and becomes a lazy DuckDB view over the current tables. A select that only
/// projects and filters a partitioned table keeps its partitions (<see cref="SelectPartitions"/>).
/// </summary>
internal static class SelectExecutor
{
    public static TableEntry Execute(ByzerSession session, PlanSelect step)
    {
        var select = step.Select;
        var sql = session.Render(select.Query.Text, select.Query, forSelect: true);
        var name = session.Render(select.TableName);
        var translated = SelectTranslator.Translate(session, sql, select.Query);
        var partitioning = SelectPartitions.Plan(session, sql);
        var entry = session.DefineTable(name, translated.Sql, TableKind.View, select.Span, "select");
        return SelectPartitions.Apply(session, entry, partitioning);
    }
}
