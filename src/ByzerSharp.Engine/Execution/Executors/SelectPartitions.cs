using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;
using ByzerSharp.SparkSql;
using ByzerSharp.SparkSql.Ast;
using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Parsing;

namespace ByzerSharp.Execution.Executors;

/// <summary>
/// Spark keeps a table's partitions through narrow transformations: a select that only projects
/// and filters one partitioned table (<see cref="NarrowQuery"/>) has the same partition count, and
/// each of its rows is in the partition of the source row it came from, whatever columns the select
/// keeps, drops or renames. Anything else (aggregates, joins, DISTINCT, ORDER BY, LIMIT, windows,
/// sampling, set operations, generators) has no count, as before: Spark would shuffle into
/// spark.sql.shuffle.partitions and let AQE coalesce them, which has no fixed equivalent here.
/// </summary>
internal static class SelectPartitions
{
    /// <summary>
    /// The partitioning a select body (after ${} substitution) keeps, or null. Called before the
    /// select's own name is defined: `select * from t as t` reads the old t.
    /// </summary>
    public static TablePartitioning? Plan(ByzerSession session, string sql)
    {
        var source = NarrowQuery.Source(SparkParser.Parse(sql), name => IsSessionAggregate(session, name));
        if (source is null || session.Catalog.Find(source.Name[0]) is not { PartitionCount: not null } entry)
        {
            return null;
        }
        // Translate the select again with the source as a placeholder, then add the source's hidden
        // row number and partition to the end of its select list: the binder emits
        // "SELECT <items> FROM <source> AS <alias> …" for a single-table select.
        var provider = new PlaceholderSource(new SessionSchemaProvider(session), source.Name[0]);
        var translated = SparkSqlTranslator.Translate(sql, provider, new SessionFunctionRegistry(session)).Sql;
        var alias = DuckDb.Sql.Ident(source.Alias ?? source.Name[^1]);
        var from = $" FROM {NarrowSelect.Placeholder} AS {alias}";
        var at = translated.IndexOf(from, StringComparison.Ordinal);
        if (at < 0 || translated.IndexOf(from, at + 1, StringComparison.Ordinal) >= 0)
        {
            return null;
        }
        var hidden = $", {alias}.{DuckDb.Sql.Ident(PartitionPlan.RowColumn)}, {alias}.{DuckDb.Sql.Ident(PartitionPlan.PartitionColumn)}";
        return TablePartitioning.InheritedFrom(new NarrowSelect(entry, translated[..at] + hidden + translated[at..]));
    }

    /// <summary>Gives the select's table the source's partition count and <paramref name="partitioning"/> (from <see cref="Plan"/>).</summary>
    public static TableEntry Apply(ByzerSession session, TableEntry derived, TablePartitioning? partitioning)
    {
        if (partitioning?.Select?.Source.PartitionCount is not { } count)
        {
            return derived;
        }
        var updated = derived with { PartitionCount = count, Partitioning = partitioning };
        try
        {
            // Binding the per-partition query once here means a select the checks above misjudged
            // loses its partition count instead of failing later in save or a cell.
            session.Database.Describe("(" + PartitionPlan.AssignSql(updated, count, partitioning) + ")");
        }
        catch (ByzerException)
        {
            return derived;
        }
        return session.SetPartitions(derived, count, partitioning);
    }

    /// <summary>A function the session registered as an aggregate (a UDAF).</summary>
    private static bool IsSessionAggregate(ByzerSession session, string name) =>
        session.Functions.TryGetValue(name, out var function) && function.IsAggregate;

    /// <summary>The session's tables, except that <paramref name="source"/> reads from <see cref="NarrowSelect.Placeholder"/>.</summary>
    private sealed class PlaceholderSource(ISchemaProvider tables, string source) : ISchemaProvider
    {
        public TableSchema? FindTable(string name) =>
            tables.FindTable(name) is { } schema && string.Equals(name, source, StringComparison.OrdinalIgnoreCase)
                ? schema with { Sql = NarrowSelect.Placeholder }
                : tables.FindTable(name);

        public IEnumerable<string> TableNames => tables.TableNames;
    }
}
