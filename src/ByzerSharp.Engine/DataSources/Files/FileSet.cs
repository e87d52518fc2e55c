using System.IO.Enumeration;
using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.DataSources.Files;

/// <summary>
/// Expands a load path the way Spark's file sources do: a file, a folder (its data files,
/// skipping names starting with '_' or '.', descending into k=v partition folders), a glob
/// (*, ?, [..], {a,b}, ** for any depth) or a comma-separated list of those.
/// </summary>
public static class FileSet
{
    public static IReadOnlyList<string> Expand(string path, SourceSpan? span, bool recursive = false, string? fileFilter = null)
    {
        var result = new List<string>();
        foreach (var part in SplitList(path))
        {
            result.AddRange(ExpandOne(part, recursive, fileFilter));
        }
        if (result.Count == 0)
        {
            throw ByzerException.Runtime("Path does not exist: " + string.Join(", ", SplitList(path).Select(p => "file:" + Path.GetFullPath(p))), span, HasGlob(path) ? "the pattern matched no files" : "check the path; relative paths are relative to the current folder");
        }
        return result;
    }

    /// <summary>
    /// The folders partition discovery starts from: a folder path itself, a file's folder, a
    /// glob's fixed prefix.
    /// </summary>
    public static IReadOnlyList<string> BaseFolders(string path) => SplitList(path).Select(p =>
    {
        var full = Path.GetFullPath(p);
        if (HasGlob(p))
        {
            return GlobRoot(full);
        }
        return Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? "/";
    }).ToList();

    public static bool HasGlob(string path) => path.IndexOfAny(['*', '?', '[', '{']) >= 0;

    private static IEnumerable<string> SplitList(string path)
    {
        // Commas inside {a,b} belong to the glob.
        var depth = 0;
        var start = 0;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '{')
            {
                depth++;
            }
            else if (path[i] == '}')
            {
                depth--;
            }
            else if (path[i] == ',' && depth == 0)
            {
                if (i > start)
                {
                    yield return path[start..i].Trim();
                }
                start = i + 1;
            }
        }
        if (start < path.Length)
        {
            yield return path[start..].Trim();
        }
    }

    private static IEnumerable<string> ExpandOne(string path, bool recursive, string? fileFilter)
    {
        if (!HasGlob(path))
        {
            if (File.Exists(path))
            {
                return [Path.GetFullPath(path)];
            }
            if (Directory.Exists(path))
            {
                return DataFiles(Path.GetFullPath(path), recursive, fileFilter);
            }
            return [];
        }
        var full = Path.GetFullPath(path);
        var root = GlobRoot(full);
        if (!Directory.Exists(root))
        {
            return [];
        }
        var patterns = ExpandBraces(full).Select(GlobRegex).ToList();
        var deep = full.Contains("**", StringComparison.Ordinal) || full[root.Length..].Count(c => c == '/') > 1 || recursive;
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = deep,
            IgnoreInaccessible = true,
            AttributesToSkip = 0,
        };
        var matches = new List<string>();
        foreach (var (entry, isDirectory) in Entries(root, options))
        {
            if (!patterns.Any(p => p.IsMatch(entry)) || Hidden(Path.GetFileName(entry)))
            {
                continue;
            }
            if (!isDirectory)
            {
                if (fileFilter is null || FileSystemName.MatchesSimpleExpression(fileFilter, Path.GetFileName(entry)))
                {
                    matches.Add(entry);
                }
            }
            else if (!deep || !patterns.Any(p => p.IsMatch(entry + "/x")))
            {
                // A folder the pattern names is read like a folder path; with ** its files match on their own.
                matches.AddRange(DataFiles(entry, recursive, fileFilter));
            }
        }
        matches.Sort(StringComparer.Ordinal);
        return matches.Distinct().ToList();
    }

    /// <summary>The data files of a folder in name order: hidden/underscore files skipped, k=v folders entered.</summary>
    public static IEnumerable<string> DataFiles(string folder, bool recursive, string? fileFilter)
    {
        var files = new List<string>();
        foreach (var (entry, isDirectory) in Entries(folder, new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 }))
        {
            var name = Path.GetFileName(entry);
            if (Hidden(name))
            {
                continue;
            }
            if (isDirectory)
            {
                if (recursive || name.Contains('=', StringComparison.Ordinal))
                {
                    files.AddRange(DataFiles(entry, recursive, fileFilter));
                }
                continue;
            }
            if (name.EndsWith(".crc", StringComparison.Ordinal))
            {
                continue;
            }
            if (fileFilter is null || FileSystemName.MatchesSimpleExpression(fileFilter, name))
            {
                files.Add(entry);
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Hadoop's hiddenFileFilter: names starting with '_' or '.' are metadata, not data.</summary>
    private static bool Hidden(string name) => name.StartsWith('_') || name.StartsWith('.');

    // One directory read gives names and kinds; a stat per entry would dominate listing 50,000 files.
    private static FileSystemEnumerable<(string Path, bool IsDirectory)> Entries(string folder, EnumerationOptions options) =>
        new(folder, (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory), options)
        {
            ShouldRecursePredicate = (ref FileSystemEntry e) => !Hidden(e.FileName.ToString()),
        };

    private static string GlobRoot(string full)
    {
        var first = full.IndexOfAny(['*', '?', '[', '{']);
        var slash = full.LastIndexOf('/', first);
        return slash <= 0 ? "/" : full[..slash];
    }

    private static IEnumerable<string> ExpandBraces(string pattern)
    {
        var open = pattern.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            yield return pattern;
            yield break;
        }
        var close = pattern.IndexOf('}', open);
        if (close < 0)
        {
            yield return pattern;
            yield break;
        }
        foreach (var alternative in pattern[(open + 1)..close].Split(','))
        {
            foreach (var rest in ExpandBraces(pattern[(close + 1)..]))
            {
                yield return pattern[..open] + alternative + rest;
            }
        }
    }

    /// <summary>Hadoop glob semantics: * and ? never cross '/', ** crosses any number of folders.</summary>
    public static bool GlobMatch(string pattern, string path) => GlobRegex(pattern).IsMatch(path);

    private static System.Text.RegularExpressions.Regex GlobRegex(string pattern)
    {
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    regex.Append(".*");
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        regex.Append("/?");
                        i++;
                    }
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var end = pattern.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        regex.Append("\\[");
                        break;
                    }
                    var set = pattern[(i + 1)..end];
                    regex.Append('[').Append(set.StartsWith('!') ? "^" + set[1..] : set).Append(']');
                    i = end;
                    break;
                default:
                    regex.Append(System.Text.RegularExpressions.Regex.Escape(c.ToString()));
                    break;
            }
        }
        regex.Append('$');
        return new System.Text.RegularExpressions.Regex(regex.ToString(), System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }
}
