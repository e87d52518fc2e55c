using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.Session;

/// <summary>
/// Byzer's path rules (withPathPrefix): a home prefix when one is set, no '..' escaping it, and
/// 'file:' URIs accepted so that paths read from binaryFile/text columns can be used again.
/// </summary>
public sealed class PathResolver(string home)
{
    public string Home { get; } = home;

    public string Resolve(string path, SourceSpan? span)
    {
        var p = StripScheme(path.Trim(), span);
        if (p.Length == 0)
        {
            throw ByzerException.Semantic("the path is empty", span, "write the path in backquotes: format.`/path/to/data`");
        }
        if (Home.Length == 0)
        {
            return p;
        }
        if (p.Split('/', '\\').Contains(".."))
        {
            throw ByzerException.Semantic("path should not contains ..", span, "paths are relative to the home folder and may not leave it");
        }
        var home = Home.EndsWith('/') ? Home : Home + "/";
        return home + p.TrimStart('/');
    }

    private static string StripScheme(string path, SourceSpan? span)
    {
        if (path.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            return path[7..];
        }
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return path[5..];
        }
        var colon = path.IndexOf("://", StringComparison.Ordinal);
        if (colon > 1 && path[..colon].All(char.IsAsciiLetter))
        {
            throw ByzerException.Semantic(
                $"the file system '{path[..colon]}' is not supported",
                span,
                "ByzerSharp reads the local file system: use a plain path or file:/path");
        }
        return path;
    }
}
