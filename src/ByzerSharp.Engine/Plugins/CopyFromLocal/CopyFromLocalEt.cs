using ByzerSharp.DataSources.Files;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.Plugins.CopyFromLocal;

/// <summary>
/// <c>!copyFromLocal src dst</c> (mlsql-shell): copies a local file or folder, recursively, to the
/// engine's file system, which here is the local one with the home prefix applied to the destination.
/// Like Hadoop, an existing destination folder receives the source inside it.
/// </summary>
public sealed class CopyFromLocalEt : EtPlugin
{
    public override string Name => "CopyFromLocal";

    public override string Description => "Copies a local file or folder (recursively) to a destination path; the home prefix applies to the destination.";

    public override IReadOnlyList<EtOption> Options =>
    [
        new("src", "The local file or folder to copy (run command as CopyFromLocal.`dst` where src=\"…\")", Required: true),
        new("force", "Replace files that already exist at the destination (what -f does for !copyFromLocal)", Default: "false"),
    ];

    public override TableEntry? Run(EtContext context)
    {
        var options = CopyFromLocalOptions.Parse(context);
        var src = options.Source;
        var dst = options.DestinationResolved ? options.Destination : context.Session.Paths.Resolve(options.Destination, options.DestinationSpan);
        if (!FileTree.Exists(src))
        {
            throw ByzerException.Runtime($"copyFromLocal: `{src}': No such file or directory", options.SourceSpan, "the source is a path of the local file system, without the home prefix");
        }
        var target = Directory.Exists(dst) ? Path.Combine(dst, Path.GetFileName(Path.TrimEndingDirectorySeparator(src))) : dst;
        if (Directory.Exists(src) && FileTree.IsWithin(target, src))
        {
            throw ByzerException.Runtime($"copyFromLocal: `{target}' is inside the source `{src}'", options.DestinationSpan, "choose a destination outside the source folder");
        }
        if (File.Exists(target) && (!options.Overwrite || Directory.Exists(src)))
        {
            throw ByzerException.Runtime($"copyFromLocal: `{target}': File exists", options.DestinationSpan, "use !copyFromLocal -f to overwrite, or delete it with !hdfs -rm");
        }
        if (Path.GetDirectoryName(Path.GetFullPath(target)) is { } parent && !Directory.Exists(parent))
        {
            throw ByzerException.Runtime($"copyFromLocal: `{parent}': No such file or directory", options.DestinationSpan, "create the folder first: !hdfs -mkdir -p <folder>");
        }
        var files = FileTree.Copy(src, target, options.Overwrite);
        return context.DefineRows(
            [new RowColumn("src"), new RowColumn("dst"), new RowColumn("files", "BIGINT")],
            [[src, target, files]]);
    }

    public override TableEntry? Train(EtContext context) => Run(context);
}
