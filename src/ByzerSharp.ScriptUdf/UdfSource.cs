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
            text.Append(Begin(codeStart, directive.Index)).Append(directive.Value).Append(SourceMap.End);
            members = m.Index + m.Length;
        }
        text.Append("namespace ByzerSharp.ScriptUdf.Generated;\n")
            .Append("public class ").Append(ClassName).Append("\n{");
        text.Append(Begin(codeStart, members));
        text.Append(code, members, code.Length - members);
        text.Append(SourceMap.End);
        text.Append("}\n");
        return text.ToString();
    }

    private static string Begin(SourceSpan? codeStart, int offset) =>
        codeStart is { } start ? SourceMap.Begin(new SourceSpan(start.File, start.Start + offset, 1)) : "\n";

    [GeneratedRegex(@"\G\s*(?<using>using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.]+)?\s*;)")]
    private static partial Regex LeadingUsing();
}
