using System.Globalization;
using System.Text;
using ByzerSharp.Delta.Maintenance;
using ByzerSharp.Delta.Names;
using ByzerSharp.Diagnostics;
using ByzerSharp.Plugins;
using ByzerSharp.Session;

namespace ByzerSharp.Delta.Byzer;

/// <summary>
/// The ET behind <c>!delta</c> (Byzer's DeltaCommandWrapper): <c>!delta history db.table</c>,
/// <c>!delta show tables</c>, <c>!delta vacuum db.table [retentionHours]</c>.
/// </summary>
public sealed class DeltaCommandEt : EtPlugin
{
    public override string Name => "DeltaCommandWrapper";

    public override string Description => "Delta tables: !delta history <table>, !delta show tables, !delta vacuum <table> [retentionHours]";

    public override TableEntry? Train(EtContext context)
    {
        var args = context.Args;
        var sub = args.Count > 0 ? args[0].ToLowerInvariant() : "";
        return sub switch
        {
            "history" when args.Count == 2 => History(context, args[1]),
            "show" when args.Count == 2 && args[1].Equals("tables", StringComparison.OrdinalIgnoreCase) => ShowTables(context),
            "vacuum" when args.Count is 2 or 3 => VacuumTable(context, args[1], args.Count == 3 ? args[2] : null),
            _ => throw ByzerException.Semantic($"unknown !delta command: {string.Join(" ", args)}", context.Span, "use !delta history <table>, !delta show tables or !delta vacuum <table> [retentionHours]"),
        };
    }

    private static TableEntry History(EtContext context, string name)
    {
        var path = DeltaLocation.ForCommand(context.Session, name, context.Span);
        var history = DeltaErrors.Guard(context.Span, () => DeltaTable.Open(path).History());
        var rows = history.Select(h => new[]
        {
            Sql.Int(h.Version),
            $"make_timestamptz({Sql.Int(h.Timestamp.ToUnixTimeMilliseconds())} * 1000)",
            Text(h.Operation),
            Text(h.OperationParameters),
            h.ReadVersion is { } r ? Sql.Int(r) : "NULL",
            h.IsBlindAppend is { } b ? (b ? "true" : "false") : "NULL",
            Text(h.OperationMetrics),
            Text(h.UserMetadata),
            Text(h.EngineInfo),
        });
        return Define(context, rows, "version BIGINT, timestamp TIMESTAMPTZ, operation VARCHAR, operationParameters VARCHAR, readVersion BIGINT, isBlindAppend BOOLEAN, operationMetrics VARCHAR, userMetadata VARCHAR, engineInfo VARCHAR");
    }

    private static TableEntry ShowTables(EtContext context)
    {
        var lake = DeltaLocation.LakeRoot(context.Session)
            ?? throw ByzerException.Semantic("!delta show tables needs a data lake", context.Span, "start byzer with --datalake DIR (the setting streaming.datalake.path)");
        var rows = DataLakeNames.List(lake).Select(t => new[] { Sql.Str(t.Database), Sql.Str(t.Table), Sql.Str(t.Path) });
        return Define(context, rows, "database VARCHAR, tableName VARCHAR, path VARCHAR");
    }

    private static TableEntry VacuumTable(EtContext context, string name, string? hours)
    {
        TimeSpan? retention = null;
        if (hours is not null)
        {
            if (!double.TryParse(hours, NumberStyles.Float, CultureInfo.InvariantCulture, out var h) || h < 0)
            {
                throw ByzerException.Semantic($"invalid retention {hours}", context.Span, "give the retention in hours, e.g. !delta vacuum db.table 168");
            }
            retention = TimeSpan.FromHours(h);
        }
        var check = !(context.Session.Settings.TryGetValue("spark.databricks.delta.retentionDurationCheck.enabled", out var c) && c.Equals("false", StringComparison.OrdinalIgnoreCase));
        var path = DeltaLocation.ForCommand(context.Session, name, context.Span);
        var deleted = DeltaErrors.Guard(context.Span, () => Vacuum.Run(DeltaTable.Open(path), retention, check, DateTimeOffset.UtcNow));
        return Define(context, deleted.Select(d => new[] { Sql.Str(d) }), "path VARCHAR");
    }

    private static string Text(string? value) => value is null ? "NULL" : Sql.Str(value);

    /// <summary>A result table from literal rows (an empty result keeps its columns).</summary>
    private static TableEntry Define(EtContext context, IEnumerable<string[]> rows, string columns)
    {
        var names = columns.Split(", ").Select(c => c.Split(' ', 2)).ToList();
        var list = rows.ToList();
        var sql = new StringBuilder("SELECT ");
        if (list.Count == 0)
        {
            sql.Append(string.Join(", ", names.Select(n => $"CAST(NULL AS {n[1]}) AS {Sql.Ident(n[0])}"))).Append(" WHERE false");
        }
        else
        {
            sql.Append(string.Join(", ", names.Select((n, i) => $"CAST(c{i} AS {n[1]}) AS {Sql.Ident(n[0])}")))
                .Append(" FROM (VALUES ")
                .Append(string.Join(", ", list.Select(r => "(" + string.Join(", ", r) + ")")))
                .Append(") AS v(" + string.Join(", ", names.Select((_, i) => $"c{i}")) + ")");
        }
        return context.Define(sql.ToString());
    }
}
