using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Syntax.Parsing;
using ByzerSharp.Text;

namespace ByzerSharp.Execution;

/// <summary>
/// Fetches the script an <c>include fmt.`path` [where k="v"]</c> names and parses it as a file of
/// its own, so errors point at that file's lines. Formats: <c>hdfs</c> and <c>file</c> (a path; the
/// home prefix applies) and <c>local</c> (Byzer's module notation <c>a.b.c</c> → <c>a/b/c.byzer</c>).
/// Relative paths are relative to the including script's folder. The options become
/// <c>set k='''v''';</c> statements in front of the included text, as Byzer's local include does.
/// </summary>
internal sealed class IncludeExpander(ByzerSession session)
{
    public const int MaxDepth = 32;

    private static readonly string[] Formats = ["hdfs", "file", "local"];

    private static readonly string[] ModuleSuffixes = ["byzer", "mlsql", "byz", "by"];

    /// <summary>The included statements and the included file's full path (for cycle detection).</summary>
    public (IReadOnlyList<Statement> Statements, string FullPath) Expand(IncludeStatement include, IReadOnlyList<string> chain)
    {
        var format = include.Format.Text.ToLowerInvariant();
        if (!Formats.Contains(format))
        {
            throw ByzerException.Semantic(
                $"include format '{include.Format.Text}' is not supported",
                include.Format.Span,
                "ByzerSharp includes script files: include hdfs.`/path/x.byzer`, file.`x.byzer` or local.`module.name`");
        }
        var path = Resolve(format, session.Render(include.Path), include);
        var full = System.IO.Path.GetFullPath(path);
        if (chain.Contains(full, StringComparer.Ordinal))
        {
            var cycle = string.Join(" -> ", chain.SkipWhile(c => c != full).Append(full));
            throw ByzerException.Semantic($"include cycle: {cycle}", include.Span, "a script may not include itself, directly or through other scripts");
        }
        if (chain.Count >= MaxDepth)
        {
            throw ByzerException.Semantic($"includes are nested deeper than {MaxDepth} levels", include.Span, "flatten the chain of includes");
        }
        if (!File.Exists(full))
        {
            throw ByzerException.Runtime(
                $"included script not found: {path}",
                include.Path.Span,
                Directory.Exists(full) ? "this is a folder; include a script file" : "relative paths are relative to the including script's folder");
        }
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ByzerException.Runtime($"cannot read included script {path}: {e.Message}", include.Path.Span, null, e);
        }
        var statements = new List<Statement>(OptionSets(include));
        statements.AddRange(ScriptParser.Parse(new SourceFile(path, text) { ExpandedFrom = include.Span }).Statements);
        return (statements, full);
    }

    /// <summary>include options as set statements, in a small file that points back at the include.</summary>
    private IEnumerable<Statement> OptionSets(IncludeStatement include)
    {
        if (include.Options.Count == 0)
        {
            return [];
        }
        var values = session.RenderOptions(include.Options, include.Span);
        var lines = new List<string>();
        foreach (var option in include.Options)
        {
            var value = values.Get(option.Key) ?? "";
            if (value.Contains("'''", StringComparison.Ordinal))
            {
                throw ByzerException.Semantic($"the include option {option.Key} may not contain '''", option.ValueSpan, "include options become set k='''v''' statements");
            }
            lines.Add($"set `{option.Key}`='''{value}''';");
        }
        var file = new SourceFile($"<options of include {include.Path.Text}>", string.Join("\n", lines)) { ExpandedFrom = include.Span };
        return ScriptParser.Parse(file).Statements;
    }

    private string Resolve(string format, string rawPath, IncludeStatement include)
    {
        var p = rawPath.Trim();
        if (format == "local")
        {
            p = ModulePath(p, include);
        }
        else if (session.Paths.Home.Length > 0)
        {
            return session.Paths.Resolve(p, include.Path.Span);
        }
        else
        {
            p = session.Paths.Resolve(p, include.Path.Span);
        }
        if (System.IO.Path.IsPathRooted(p))
        {
            return p;
        }
        // Relative includes are relative to the including script's folder when it is a file.
        var including = include.Span.File.Path;
        var dir = System.IO.Path.GetDirectoryName(including);
        if (!string.IsNullOrEmpty(dir) && File.Exists(including))
        {
            p = System.IO.Path.Combine(dir, p);
        }
        // Byzer's own module suffix is .mlsql; ByzerSharp looks for .byzer first.
        var mlsql = System.IO.Path.ChangeExtension(p, ".mlsql");
        return format == "local" && !File.Exists(p) && File.Exists(mlsql) ? mlsql : p;
    }

    /// <summary>
    /// <c>a.b.c</c> → <c>a/b/c.byzer</c> (a last part byzer|mlsql|byz|by is the extension); a path
    /// with '/' keeps its folders and only its last part is read as a module name.
    /// </summary>
    private static string ModulePath(string path, IncludeStatement include)
    {
        if (path.Length == 0)
        {
            throw ByzerException.Semantic("the include path is empty", include.Path.Span, "include local.`module.name`;");
        }
        var slash = path.LastIndexOf('/');
        var folder = slash >= 0 ? path[..(slash + 1)] : "";
        var parts = path[(slash + 1)..].Split('.');
        var suffix = parts.Length > 1 && ModuleSuffixes.Contains(parts[^1].ToLowerInvariant()) ? parts[^1] : null;
        var names = suffix is null ? parts : parts[..^1];
        var stem = folder + string.Join('/', names);
        if (suffix is not null)
        {
            return stem + "." + suffix;
        }
        return stem + ".byzer";
    }
}
