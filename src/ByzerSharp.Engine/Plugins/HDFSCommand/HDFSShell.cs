using System.Globalization;
using System.Text;
using ByzerSharp.DataSources.Files;
using ByzerSharp.Diagnostics;

namespace ByzerSharp.Plugins.HDFSCommand;

/// <summary>
/// Runs one parsed !hdfs operation on the local file system and returns Hadoop FsShell's text
/// output. Failures are Hadoop's messages ("rm: `/x': Is a directory") located at the path argument.
/// </summary>
internal sealed class HDFSShell(EtContext context, HDFSCommandOptions options)
{
    private static readonly EnumerationOptions AllEntries = new() { AttributesToSkip = 0, MatchType = MatchType.Simple };

    private readonly TimeZoneInfo _zone = Zone(context.Session.Options.TimeZone);

    public string Run() => options.Operation switch
    {
        "ls" => Ls(),
        "mkdir" => Mkdir(),
        "rm" => Rm(),
        "cp" => CopyOrMove(move: false),
        "mv" => CopyOrMove(move: true),
        "cat" => Cat(),
        "du" => Du(),
        "touchz" => Touchz(),
        "test" => Test(),
        _ => throw new InvalidOperationException("unhandled operation " + options.Operation),
    };

    /// <summary>The entries -ls shows, for -F (one row per entry).</summary>
    public IReadOnlyList<HDFSFileStatus> ListStatus()
    {
        var result = new List<HDFSFileStatus>();
        foreach (var (_, path) in Targets(mustExist: true))
        {
            if (Directory.Exists(path) && options.Has("R"))
            {
                Recurse(path, result);
            }
            else if (Directory.Exists(path) && !options.Has("d"))
            {
                result.AddRange(Children(path, path));
            }
            else
            {
                result.Add(HDFSFileStatus.Of(path, path));
            }
        }
        return result;
    }

    private string Ls()
    {
        var lines = new List<string>();
        foreach (var (_, path) in Targets(mustExist: true))
        {
            if (!Directory.Exists(path) || options.Has("d"))
            {
                lines.AddRange(HDFSListing.Lines([HDFSFileStatus.Of(path, path)], options.Has("h"), _zone));
            }
            else if (options.Has("R"))
            {
                var all = new List<HDFSFileStatus>();
                Recurse(path, all);
                lines.AddRange(HDFSListing.Lines(all, options.Has("h"), _zone));
            }
            else
            {
                var children = Children(path, path);
                // Like Hadoop, an empty folder lists nothing at all, not "Found 0 items".
                if (children.Count > 0)
                {
                    lines.Add($"Found {children.Count.ToString(CultureInfo.InvariantCulture)} items");
                }
                lines.AddRange(HDFSListing.Lines(children, options.Has("h"), _zone));
            }
        }
        return string.Join("\n", lines);
    }

    private void Recurse(string dir, List<HDFSFileStatus> into)
    {
        foreach (var child in Children(dir, dir))
        {
            into.Add(child);
            if (child.IsDirectory)
            {
                Recurse(child.Path, into);
            }
        }
    }

    private static List<HDFSFileStatus> Children(string dir, string display) =>
        Directory.EnumerateFileSystemEntries(dir, "*", AllEntries)
            .Select(p => Path.GetFileName(p))
            .Order(StringComparer.Ordinal)
            .Select(name => HDFSFileStatus.Of(Path.Combine(dir, name), Join(display, name)))
            .ToList();

    private string Mkdir()
    {
        foreach (var arg in options.Paths)
        {
            var path = Resolve(arg);
            if (FileTree.Exists(path))
            {
                if (options.Has("p") && Directory.Exists(path))
                {
                    continue;
                }
                throw Fail(arg, path, "File exists", Directory.Exists(path) ? "use -mkdir -p to accept existing folders" : "a file of that name is in the way");
            }
            var parent = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!options.Has("p") && parent is not null && !Directory.Exists(parent))
            {
                throw Fail(arg, path, "No such file or directory", "use -mkdir -p to create the missing parent folders too");
            }
            Directory.CreateDirectory(path);
        }
        return "";
    }

    private string Rm()
    {
        var lines = new List<string>();
        foreach (var (arg, path) in Targets(mustExist: !options.Has("f")))
        {
            if (!FileTree.Exists(path))
            {
                continue;
            }
            if (Directory.Exists(path) && !options.Has("r"))
            {
                throw Fail(arg, path, "Is a directory", "use -rm -r to delete a folder with its content");
            }
            FileTree.Delete(path);
            lines.Add("Deleted " + path);
        }
        return string.Join("\n", lines);
    }

    private string CopyOrMove(bool move)
    {
        var dstArg = options.Paths[^1];
        var dst = Resolve(dstArg);
        var sources = options.Paths.Take(options.Paths.Count - 1).ToList();
        var expanded = sources.SelectMany(a => Expand(a, mustExist: true)).ToList();
        if (expanded.Count > 1 && !Directory.Exists(dst))
        {
            throw Fail(dstArg, dst, FileTree.Exists(dst) ? "Is not a directory" : "No such file or directory", "several sources need an existing folder as the destination");
        }
        foreach (var (arg, src) in expanded)
        {
            var target = Directory.Exists(dst) ? Path.Combine(dst, Path.GetFileName(src.TrimEnd('/'))) : dst;
            if (Directory.Exists(src) && FileTree.IsWithin(target, src))
            {
                throw Fail(arg, src, $"is a subdirectory of itself (target `{target}')", "choose a destination outside the source folder");
            }
            var parent = Path.GetDirectoryName(Path.GetFullPath(target));
            if (parent is not null && !Directory.Exists(parent))
            {
                throw Fail(dstArg, dst, "No such file or directory", "create the destination's parent folder first: !hdfs -mkdir -p <folder>");
            }
            if (FileTree.Exists(target))
            {
                if (move || !options.Has("f"))
                {
                    throw Fail(dstArg, target, "File exists", move ? "delete it first with !hdfs -rm -r" : "use -cp -f to overwrite");
                }
                if (Directory.Exists(target) != Directory.Exists(src))
                {
                    throw Fail(dstArg, target, Directory.Exists(target) ? "Is a directory" : "Is not a directory", "remove it first with !hdfs -rm -r");
                }
            }
            if (move)
            {
                FileTree.Move(src, target);
            }
            else
            {
                FileTree.Copy(src, target, overwrite: true);
            }
        }
        return "";
    }

    private string Cat()
    {
        var text = new StringBuilder();
        foreach (var (arg, path) in Targets(mustExist: true))
        {
            if (Directory.Exists(path))
            {
                throw Fail(arg, path, "Is a directory", "list it with !hdfs -ls instead");
            }
            text.Append(File.ReadAllText(path));
        }
        return text.ToString();
    }

    private string Du()
    {
        var rows = new List<string[]>();
        foreach (var (_, path) in Targets(mustExist: true))
        {
            var entries = Directory.Exists(path) && !options.Has("s")
                ? Directory.EnumerateFileSystemEntries(path, "*", AllEntries).Order(StringComparer.Ordinal).ToList()
                : [path];
            foreach (var entry in entries)
            {
                // The local file system keeps one replica: space consumed equals the size.
                var size = FileTree.Size(entry);
                var text = options.Has("h") ? HDFSFileStatus.HumanSize(size) : size.ToString(CultureInfo.InvariantCulture);
                rows.Add([text, text, entry]);
            }
        }
        return string.Join("\n", HDFSListing.Table(rows));
    }

    private string Touchz()
    {
        foreach (var arg in options.Paths)
        {
            var path = Resolve(arg);
            if (Directory.Exists(path))
            {
                throw Fail(arg, path, "Is a directory", "-touchz creates empty files");
            }
            if (File.Exists(path))
            {
                if (new FileInfo(path).Length > 0)
                {
                    throw Fail(arg, path, "Not a zero-length file", "-touchz only creates or touches empty files");
                }
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
                continue;
            }
            var parent = Path.GetDirectoryName(Path.GetFullPath(path));
            if (parent is not null && !Directory.Exists(parent))
            {
                throw Fail(arg, path, "No such file or directory", "create the folder first: !hdfs -mkdir -p <folder>");
            }
            File.WriteAllBytes(path, []);
        }
        return "";
    }

    // Hadoop answers -test with an exit code only; a Byzer result needs a value, so the text is true or false.
    private string Test()
    {
        var path = Resolve(options.Paths[0]);
        var result = options.Flags.Single() switch
        {
            "e" => FileTree.Exists(path),
            "d" => Directory.Exists(path),
            "f" => File.Exists(path),
            "s" => FileTree.Exists(path) && FileTree.Size(path) > 0,
            _ => File.Exists(path) && new FileInfo(path).Length == 0,
        };
        return result ? "true" : "false";
    }

    /// <summary>The paths to work on: the arguments with globs expanded, or the home (else current) folder.</summary>
    private List<(HDFSPathArg Arg, string Path)> Targets(bool mustExist)
    {
        if (options.Paths.Count == 0)
        {
            var home = context.Session.Paths.Home;
            var dir = home.Length > 0 ? home : Directory.GetCurrentDirectory();
            return [(new HDFSPathArg(dir, -1), dir)];
        }
        return options.Paths.SelectMany(a => Expand(a, mustExist)).ToList();
    }

    private IEnumerable<(HDFSPathArg Arg, string Path)> Expand(HDFSPathArg arg, bool mustExist)
    {
        var path = Resolve(arg);
        var name = Path.GetFileName(path);
        if (name.IndexOfAny(['*', '?']) < 0)
        {
            if (mustExist && !FileTree.Exists(path))
            {
                throw Fail(arg, path, "No such file or directory", "check the path with !hdfs -ls on its folder");
            }
            return [(arg, path)];
        }
        var dir = Path.GetDirectoryName(path) is { Length: > 0 } d ? d : ".";
        var matches = Directory.Exists(dir)
            ? Directory.EnumerateFileSystemEntries(dir, name, AllEntries).Order(StringComparer.Ordinal).Select(p => (arg, p)).ToList()
            : [];
        if (matches.Count == 0 && mustExist)
        {
            throw Fail(arg, path, "No such file or directory", "no file matches the pattern");
        }
        return matches;
    }

    private string Resolve(HDFSPathArg arg) => context.Session.Paths.Resolve(arg.Text, context.ArgSpan(arg.ArgIndex));

    private ByzerException Fail(HDFSPathArg arg, string path, string reason, string hint) =>
        ByzerException.Runtime($"{options.Operation}: `{path}': {reason}", context.ArgSpan(arg.ArgIndex), hint);

    // Listing times are shown in the session's time zone; a name the OS does not know falls back to local time.
    private static TimeZoneInfo Zone(string? id)
    {
        if (id is null)
        {
            return TimeZoneInfo.Local;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Local;
    }

    private static string Join(string dir, string name) => dir.EndsWith('/') ? dir + name : dir + "/" + name;
}
