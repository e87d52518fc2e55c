using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.Plugins.HDFSCommand;

/// <summary>A path argument and its position in the argument list (for error locations).</summary>
public sealed record HDFSPathArg(string Text, int ArgIndex);

/// <summary>
/// The parsed arguments of <c>!hdfs</c> / <c>!fs</c>: <c>[-F] -op [flags] [paths]</c>, checked the way
/// Hadoop's FsShell checks them (known operation, known flags, argument count).
/// </summary>
public sealed record HDFSCommandOptions(string Operation, IReadOnlySet<string> Flags, IReadOnlyList<HDFSPathArg> Paths, bool Rows)
{
    private sealed record Spec(string[] Flags, int MinPaths, int MaxPaths, string Usage);

    private static readonly Dictionary<string, Spec> Specs = new(StringComparer.Ordinal)
    {
        ["ls"] = new(["d", "h", "R"], 0, int.MaxValue, "-ls [-d] [-h] [-R] [<path> ...]"),
        ["mkdir"] = new(["p"], 1, int.MaxValue, "-mkdir [-p] <path> ..."),
        ["rm"] = new(["f", "r", "R", "skipTrash"], 1, int.MaxValue, "-rm [-f] [-r|-R] [-skipTrash] <src> ..."),
        ["rmr"] = new(["skipTrash"], 1, int.MaxValue, "-rmr [-skipTrash] <src> ..."),
        ["cp"] = new(["f", "p"], 2, int.MaxValue, "-cp [-f] [-p] <src> ... <dst>"),
        ["mv"] = new([], 2, int.MaxValue, "-mv <src> ... <dst>"),
        ["cat"] = new(["ignoreCrc"], 1, int.MaxValue, "-cat [-ignoreCrc] <src> ..."),
        ["du"] = new(["s", "h"], 0, int.MaxValue, "-du [-s] [-h] <path> ..."),
        ["touchz"] = new([], 1, int.MaxValue, "-touchz <path> ..."),
        ["test"] = new(["d", "e", "f", "s", "z"], 1, 1, "-test -[defsz] <path>"),
    };

    /// <summary>The operations !hdfs understands, for help texts.</summary>
    public static IEnumerable<string> Operations => Specs.Keys;

    public bool Has(string flag) => Flags.Contains(flag);

    /// <summary>The usage line of an operation, e.g. "-mkdir [-p] &lt;path&gt; ...".</summary>
    public static string Usage(string operation) => Specs[operation].Usage;

    /// <param name="args">The command's arguments.</param>
    /// <param name="spanOf">Where argument i is written, for error locations.</param>
    public static HDFSCommandOptions Parse(IReadOnlyList<string> args, Func<int, SourceSpan?> spanOf)
    {
        var rows = false;
        var i = 0;
        for (; i < args.Count && args[i] == "-F"; i++)
        {
            rows = true;
        }
        if (i >= args.Count)
        {
            throw ByzerException.Semantic(
                "!hdfs needs an operation",
                spanOf(Math.Max(0, i - 1)),
                "supported: " + string.Join(", ", Specs.Keys.Select(k => "-" + k)) + " (e.g. !hdfs -ls /tmp;)");
        }
        var opArg = args[i];
        var name = opArg.StartsWith('-') ? opArg[1..] : opArg;
        if (!opArg.StartsWith('-') || !Specs.TryGetValue(name, out var spec))
        {
            var suggestion = Syntax.Parsing.Suggest.Closest(name, Specs.Keys);
            throw ByzerException.Semantic(
                $"{opArg}: Unknown command",
                spanOf(i),
                (suggestion is not null ? $"did you mean -{suggestion}? " : "") + "supported: " + string.Join(", ", Specs.Keys.Select(k => "-" + k)));
        }
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var j = i + 1;
        for (; j < args.Count && args[j].Length > 1 && args[j].StartsWith('-'); j++)
        {
            var flag = args[j][1..];
            if (flag == "F")
            {
                rows = true;
                continue;
            }
            if (!spec.Flags.Contains(flag))
            {
                throw ByzerException.Semantic($"-{name}: Illegal option {args[j]}", spanOf(j), "usage: !hdfs " + spec.Usage);
            }
            flags.Add(flag);
        }
        var paths = new List<HDFSPathArg>();
        for (; j < args.Count; j++)
        {
            paths.Add(new HDFSPathArg(args[j], j));
        }
        if (paths.Count < spec.MinPaths)
        {
            throw ByzerException.Semantic(
                $"-{name}: Not enough arguments: expected {spec.MinPaths} but got {paths.Count}",
                spanOf(args.Count - 1),
                "usage: !hdfs " + spec.Usage);
        }
        if (paths.Count > spec.MaxPaths)
        {
            throw ByzerException.Semantic(
                $"-{name}: Too many arguments: expected {spec.MaxPaths} but got {paths.Count}",
                spanOf(paths[spec.MaxPaths].ArgIndex),
                "usage: !hdfs " + spec.Usage);
        }
        if (name == "test" && flags.Count != 1)
        {
            throw ByzerException.Semantic(
                flags.Count == 0 ? "-test: No test flag given" : "-test: Only one test flag is allowed",
                spanOf(i),
                "usage: !hdfs " + spec.Usage);
        }
        // -rmr is the old spelling of -rm -r; -R and -r mean the same for -rm.
        if (name == "rmr" || (name == "rm" && flags.Remove("R")))
        {
            flags.Add("r");
            name = "rm";
        }
        if (rows && name != "ls")
        {
            throw ByzerException.Semantic($"-F is only supported with -ls, not with -{name}", spanOf(i), "drop -F to get the text output in column fileSystem");
        }
        return new HDFSCommandOptions(name, flags, paths, rows);
    }
}
