using System.Text;
using ByzerSharp.Text;

namespace ByzerSharp.Diagnostics;

/// <summary>
/// Renders compiler-style messages:
/// <code>
/// script.byzer:3:6: error: unknown data source format 'csvv'
///     3 | load csvv.`/tmp/a.csv` as t;
///       |      ^^^^
///   help: did you mean 'csv'?
/// </code>
/// </summary>
public static class DiagnosticRenderer
{
    private const int MaxNotes = 4;

    public static string Render(string severity, string message, SourceSpan? span, string? hint)
    {
        var sb = new StringBuilder();
        if (span is { } s)
        {
            var (line, column) = s.File.LineColumn(s.Start);
            sb.Append(s.File.Path).Append(':').Append(line).Append(':').Append(column).Append(": ");
            sb.Append(severity).Append(": ").Append(message).Append('\n');
            AppendSnippet(sb, s, line, column);
            // Macro expansions and included files may nest: show every step back to the script.
            var origin = s.File.ExpandedFrom;
            for (var depth = 0; origin is { } o; depth++, origin = o.File.ExpandedFrom)
            {
                if (depth == MaxNotes)
                {
                    sb.Append("  note: … and further expansions\n");
                    break;
                }
                var (ol, oc) = o.File.LineColumn(o.Start);
                var what = o.Text.StartsWith('!') ? "in the expansion of the command at " : "included from ";
                sb.Append("  note: ").Append(what).Append(o.File.Path).Append(':')
                    .Append(ol).Append(':').Append(oc).Append('\n');
                AppendSnippet(sb, o, ol, oc);
            }
        }
        else
        {
            sb.Append(severity).Append(": ").Append(message).Append('\n');
        }
        if (!string.IsNullOrEmpty(hint))
        {
            sb.Append("  help: ").Append(hint).Append('\n');
        }
        return sb.ToString();
    }

    private static void AppendSnippet(StringBuilder sb, SourceSpan span, int line, int column)
    {
        var text = span.File.LineText(line);
        var gutter = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pad = new string(' ', gutter.Length);
        sb.Append(' ').Append(gutter).Append(" | ").Append(Untab(text)).Append('\n');
        var prefix = Untab(text[..Math.Min(column - 1, text.Length)]);
        var lineRemaining = Math.Max(1, text.Length - (column - 1));
        var width = Math.Clamp(span.Length, 1, lineRemaining);
        sb.Append(' ').Append(pad).Append(" | ").Append(new string(' ', prefix.Length)).Append('^');
        if (width > 1)
        {
            sb.Append(new string('~', width - 1));
        }
        sb.Append('\n');
    }

    // Tabs become single spaces so that the caret lines up whatever the terminal's tab width.
    private static string Untab(string s) => s.Replace('\t', ' ');
}
