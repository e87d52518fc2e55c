using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Syntax.Parsing;
using ByzerSharp.Text;

namespace ByzerSharp.Execution;

/// <summary>
/// Replaces <c>include fmt.`path`</c> by the statements of that script, recursively, each keeping
/// its own file so errors point at the included file's lines. Cycles are reported with the chain.
/// </summary>
internal sealed class IncludeExpander(ByzerSession session)
{
    private const int MaxDepth = 32;

    public List<Statement> Expand(IReadOnlyList<Statement> statements) => Expand(statements, []);

    private List<Statement> Expand(IReadOnlyList<Statement> statements, List<string> chain)
    {
        var result = new List<Statement>(statements.Count);
        foreach (var statement in statements)
        {
            if (statement is not IncludeStatement include)
            {
                result.Add(statement);
                continue;
            }
            var format = include.Format.Text.ToLowerInvariant();
            if (format is not ("hdfs" or "local" or "file" or "project" or "lib"))
            {
                throw ByzerException.Semantic(
                    $"include format '{include.Format.Text}' is not supported",
                    include.Format.Span,
                    "ByzerSharp includes script files: include hdfs.`path` (also local. or file.)");
            }
            var rawPath = session.Templates.Render(include.Path.Text);
            var path = ResolveIncludePath(rawPath, include);
            var full = System.IO.Path.GetFullPath(path);
            if (chain.Contains(full, StringComparer.Ordinal))
            {
                var cycle = string.Join(" -> ", chain.SkipWhile(c => c != full).Append(full));
                throw ByzerException.Semantic($"include cycle: {cycle}", include.Span, "remove one of the includes");
            }
            if (chain.Count >= MaxDepth)
            {
                throw ByzerException.Semantic($"includes are nested deeper than {MaxDepth} levels", include.Span);
            }
            if (!File.Exists(full))
            {
                throw ByzerException.Runtime($"included script not found: {path}", include.Path.Span, Directory.Exists(full) ? "this is a folder; include a .byzer file" : null);
            }
            var file = new SourceFile(path, File.ReadAllText(full));
            var script = ScriptParser.Parse(file);
            chain.Add(full);
            result.AddRange(Expand(script.Statements, chain));
            chain.RemoveAt(chain.Count - 1);
        }
        return result;
    }

    private string ResolveIncludePath(string rawPath, IncludeStatement include)
    {
        var p = rawPath;
        // local.`a.b.c` is Byzer's module notation; a plain path is also accepted.
        var format = include.Format.Text.ToLowerInvariant();
        if (format is "local" or "project" or "lib" && !p.Contains('/') && !p.EndsWith(".byzer", StringComparison.OrdinalIgnoreCase) && p.Contains('.'))
        {
            p = p.Replace('.', '/') + ".byzer";
        }
        p = session.Paths.Resolve(p, include.Path.Span);
        if (!System.IO.Path.IsPathRooted(p))
        {
            // Relative includes are relative to the including script's folder when it is a file.
            var dir = System.IO.Path.GetDirectoryName(include.Span.File.Path);
            if (!string.IsNullOrEmpty(dir) && File.Exists(include.Span.File.Path))
            {
                var candidate = System.IO.Path.Combine(dir, p);
                if (File.Exists(candidate) || !File.Exists(p))
                {
                    p = candidate;
                }
            }
        }
        if (!File.Exists(p) && File.Exists(p + ".byzer"))
        {
            p += ".byzer";
        }
        return p;
    }
}
