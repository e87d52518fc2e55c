using ByzerSharp.DataSources;
using ByzerSharp.Diagnostics;

namespace ByzerSharp.Images;

/// <summary>
/// Checks every row's file name before the save folder is touched: each must name a file inside
/// the folder, once, and not be the folder of another row's file.
/// </summary>
internal static class ImageFileNames
{
    public static void Check(SaveContext context, string dir, string fileNameSql, string source)
    {
        var span = context.Options.SpanOf("fileName");
        var column = context.Options.Get("fileName");
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        context.Session.Database.Stream($"SELECT {fileNameSql} FROM {source}", row =>
        {
            var name = row[0] as string;
            if (string.IsNullOrEmpty(name))
            {
                throw ByzerException.Runtime($"the fileName column {column} is {(name is null ? "null" : "empty")} in a row", span, "give every row a file name");
            }
            if (Problem(dir, name) is { } problem)
            {
                throw ByzerException.Runtime(problem.Message, span, problem.Hint);
            }
            var target = Target(dir, name);
            if (!names.TryAdd(target, name))
            {
                throw ByzerException.Runtime($"two rows have the file name {name}", span, "make the fileName column unique; the second file would replace the first");
            }
        }, context.Statement.Span);
        foreach (var (target, name) in names)
        {
            for (var parent = Path.GetDirectoryName(target); parent is not null && parent.Length > dir.Length; parent = Path.GetDirectoryName(parent))
            {
                if (names.TryGetValue(parent, out var file))
                {
                    throw ByzerException.Runtime($"file name {file} is also the folder of file name {name}", span, "a path cannot be both a file and a folder; rename one of them");
                }
            }
        }
    }

    /// <summary>Where a checked file name is written, below <paramref name="dir"/>.</summary>
    public static string Target(string dir, string name) => Path.GetFullPath(Path.Combine(dir, name));

    private static RowProblem? Problem(string dir, string name)
    {
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            return new RowProblem($"file name {name.Replace("\0", "\\0", StringComparison.Ordinal)} contains a NUL character", "file names cannot contain NUL characters");
        }
        if (name.EndsWith('/'))
        {
            return new RowProblem($"file name {name} ends with '/': it names a folder, not a file", "remove the trailing '/'");
        }
        var last = name[(name.LastIndexOf('/') + 1)..];
        if (last is "." or "..")
        {
            return new RowProblem($"file name {name} names a folder, not a file", "give each row a file name, e.g. 1.png");
        }
        if (Path.IsPathRooted(name) || !Target(dir, name).StartsWith(dir + "/", StringComparison.Ordinal))
        {
            return new RowProblem($"file name {name} points outside {dir}", "use names relative to the save folder, without '..'");
        }
        if (name.Split('/').Contains(".."))
        {
            return new RowProblem($"file name {name} contains '..'", "use names relative to the save folder, without '..'");
        }
        return null;
    }
}
