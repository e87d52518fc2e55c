using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.Plugins.ShellExecute;

/// <summary>
/// What <c>!sh</c> runs: the program and its argument list exactly as the user wrote them, or for
/// <c>!sh script "text"</c> the text through <c>/bin/sh -c</c>.
/// </summary>
public sealed record ShellExecuteOptions(string Program, IReadOnlyList<string> Arguments)
{
    public static ShellExecuteOptions Parse(IReadOnlyList<string> args, Func<int, SourceSpan?> spanOf)
    {
        if (args.Count == 0)
        {
            throw ByzerException.Semantic("!sh needs a program to run", spanOf(0), "e.g. !sh ls -l /tmp; or !sh script \"ls /tmp | wc -l\";");
        }
        if (args[0] != "script")
        {
            return new ShellExecuteOptions(args[0], args.Skip(1).ToList());
        }
        if (args.Count != 2)
        {
            throw ByzerException.Semantic(
                $"!sh script takes one script text, got {args.Count - 1} arguments",
                spanOf(args.Count > 2 ? 2 : 0),
                "quote the whole script: !sh script '''cd /tmp && ls''';");
        }
        return new ShellExecuteOptions("/bin/sh", ["-c", args[1]]);
    }

    public override string ToString() => string.Join(" ", new[] { Program }.Concat(Arguments));
}
