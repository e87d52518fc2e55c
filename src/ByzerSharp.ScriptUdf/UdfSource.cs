using ByzerSharp.Scripting;
using ByzerSharp.Text;

namespace ByzerSharp.ScriptUdf;

/// <summary>
/// The compilation unit around the user's code: common usings, nullable annotations (so that
/// <c>string</c> and <c>string?</c> parameters differ in how they take NULL), and one class that
/// holds the code's members, mapped back to the script for compile errors and stack traces.
/// </summary>
internal static class UdfSource
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
        text.Append("namespace ByzerSharp.ScriptUdf.Generated;\n")
            .Append("public class ").Append(ClassName).Append("\n{");
        text.Append(codeStart is { } start ? SourceMap.Begin(start) : "\n");
        text.Append(code);
        text.Append(SourceMap.End);
        text.Append("}\n");
        return text.ToString();
    }
}
