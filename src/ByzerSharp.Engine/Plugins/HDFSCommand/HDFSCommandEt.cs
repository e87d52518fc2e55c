using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.Plugins.HDFSCommand;

/// <summary>
/// <c>!hdfs</c> / <c>!fs</c>: Hadoop FsShell operations on the local file system. The result is
/// Byzer's one-row table with the text output in column <c>fileSystem</c>; with -F, -ls returns
/// one row per entry instead.
/// </summary>
public sealed class HDFSCommandEt : EtPlugin
{
    private static readonly RowColumn[] StatusColumns =
    [
        new("permission"), new("replication"), new("owner"), new("group"),
        new("length", "BIGINT"), new("modification_time", "TIMESTAMP"), new("path"), new("is_dir", "BOOLEAN"),
    ];

    public override string Name => "HDFSCommand";

    public override string Description => "File system commands (-ls, -mkdir, -rm, -cp, -mv, -cat, -du, -touchz, -test) on the local file system.";

    public override IReadOnlyList<EtOption> Options =>
    [
        new("parameters", "JSON array of FsShell arguments, e.g. [\"-ls\",\"/tmp\"] (what !hdfs -ls /tmp passes)", Required: true),
    ];

    public override TableEntry? Run(EtContext context)
    {
        var options = HDFSCommandOptions.Parse(context.Args, i => context.ArgSpan(i));
        var shell = new HDFSShell(context, options);
        if (options.Rows)
        {
            var rows = shell.ListStatus().Select(s => (IReadOnlyList<object?>)
                [(s.IsDirectory ? "d" : "-") + s.Permission, s.IsDirectory ? "-" : "1", s.Owner, s.Group, s.Length, s.ModifiedUtc, s.Path, s.IsDirectory]);
            return context.DefineRows(StatusColumns, rows);
        }
        return context.DefineRows([new RowColumn("fileSystem")], [[shell.Run()]]);
    }

    public override TableEntry? Train(EtContext context) => Run(context);

    public override TableEntry? Predict(EtContext context) => Run(context);
}
