using System.Text.RegularExpressions;
using ByzerSharp.Scripting;
using ByzerSharp.Text;

namespace ByzerSharp.ScriptUdf;

/// <summary>
/// The compilation unit around the user's code: common usings plus the code's own leading
/// <c>using</c> directives, nullable annotations (so that <c>string</c> and <c>string?</c>
/// parameters differ in how they take NULL), and one class that holds the code's members, mapped
/// back to the script for compile errors and stack traces.
/// </summary>
internal static partial class UdfSource
{
    public const string ClassName = "ScriptUdf";

    public static readonly string[] Usings =
    [
        "System", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Text", "System.Text.RegularExpressions",
    ];

    public static string Build(string code, SourceSpan? codeStart)
    {
        var text = new System.Text.StringBuilder()
            .Append("#nullable enable annotations\n");
        foreach (var u in Usings)
        {
            text.Append("using ").Append(u).Append(";\n");
        }
        // using directives cannot sit inside the class, so the code's own ones move to the top.
        var members = 0;
        for (var m = LeadingUsing().Match(code); m.Success && m.Index == members; m = m.NextMatch())
        {
            var directive = m.Groups["using"];
            text.Append(Begin(code, codeStart, directive.Index)).Append(directive.Value).Append(SourceMap.End);
            members = m.Index + m.Length;
        }
        text.Append("namespace ByzerSharp.ScriptUdf.Generated;\n")
            .Append("public class ").Append(ClassName).Append("\n{");
        text.Append(Begin(code, codeStart, members));
        text.Append(code, members, code.Length - members);
        text.Append(SourceMap.End);
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>
    /// The code is compiled inside one generated class, where a namespace declaration cannot stand;
    /// Roslyn's own errors for it ("} expected") would not say so.
    /// </summary>
    public static void CheckNoNamespace(ScriptUdfOptions options)
    {
        var found = NamespaceDeclaration().Match(options.Code);
        if (!found.Success)
        {
            return;
        }
        var keyword = found.Groups["keyword"];
        var span = options.CodeStart is { } start
            ? new SourceSpan(start.File, start.Start + keyword.Index, keyword.Length)
            : options.CodeSpan;
        var line = options.Code[..keyword.Index].Count(c => c == '\n') + 1;
        throw Diagnostics.ByzerException.Semantic(
            options.CodeStart is null
                ? $"a namespace cannot be declared in a UDF's code (line {line} of {options.CodeName})"
                : "a namespace cannot be declared in a UDF's code",
            span,
            "remove the namespace declaration and its braces, and keep the classes and methods inside it: the code is compiled as the members of one class");
    }

    // Code not written in the script (from a table or a substituted variable) is mapped to its own lines.
    private static string Begin(string code, SourceSpan? codeStart, int offset) =>
        codeStart is { } start
            ? SourceMap.Begin(new SourceSpan(start.File, start.Start + offset, 1))
            : SourceMap.BeginUnmapped(code.AsSpan(0, offset).Count('\n') + 1);

    [GeneratedRegex(@"^[ \t]*(?<keyword>namespace)\s+[A-Za-z_][\w.]*\s*[{;]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\G\s*(?<using>using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.]+)?\s*;)")]
    private static partial Regex LeadingUsing();
}
