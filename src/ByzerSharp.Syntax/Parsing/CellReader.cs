using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Parsing;

/// <summary>
/// Splits a CELL token (<c>#%kind</c> line, <c>#%key=value</c> headers, body, optional
/// <c>#%end</c>) into a <see cref="CSharpCellStatement"/>. Only C# cells run: any other kind
/// fails here, before anything executes, and a Python cell's error points to the porting guide.
/// </summary>
internal static class CellReader
{
    public const string PortingGuide = "docs/csharp-cells.md#porting";

    public static CSharpCellStatement Read(SourceFile file, int start, int length)
    {
        var text = file.Text.Substring(start, length);
        var firstLineEnd = LineEnd(text, 0);
        var kind = text[2..firstLineEnd].Trim();
        var kindSpan = new SourceSpan(file, start, firstLineEnd);
        if (!kind.Equals("csharp", StringComparison.OrdinalIgnoreCase))
        {
            throw kind.Equals("python", StringComparison.OrdinalIgnoreCase)
                ? ByzerException.Syntax(
                    "#%python cells do not run in ByzerSharp: port the cell to C# and start it with #%csharp",
                    kindSpan,
                    $"the porting guide ({PortingGuide}) maps RayContext, foreach, data_servers, ray.remote and build_result to their C# forms")
                : ByzerException.Syntax(
                    $"unknown cell type '#%{kind}'",
                    kindSpan,
                    "cells start with #%csharp (header lines are #%key=value; #%end closes a cell)");
        }
        var body = text.ToCharArray();
        var headers = new List<CellHeader>();
        var bodyEnd = text.Length;
        var lineStart = firstLineEnd;
        while (lineStart < text.Length)
        {
            lineStart += text[lineStart] == '\r' ? 2 : 1;
            var lineEnd = LineEnd(text, lineStart);
            var line = text[lineStart..lineEnd];
            if (line.TrimEnd().Equals("#%end", StringComparison.OrdinalIgnoreCase) && lineEnd == text.Length)
            {
                bodyEnd = lineStart;
                break;
            }
            if (line.StartsWith("#%", StringComparison.Ordinal) && line.IndexOf('=') is var eq and > 0)
            {
                var keyText = line[2..eq];
                var keyOffset = 2 + (keyText.Length - keyText.TrimStart().Length);
                var valueText = line[(eq + 1)..];
                var valueOffset = eq + 1 + (valueText.Length - valueText.TrimStart().Length);
                headers.Add(new CellHeader(
                    keyText.Trim(),
                    valueText.Trim(),
                    new SourceSpan(file, start + lineStart + keyOffset, keyText.Trim().Length),
                    new SourceSpan(file, start + lineStart + valueOffset, valueText.Trim().Length)));
                // Blanked, not removed, so code offsets stay script offsets.
                Array.Fill(body, ' ', lineStart, line.Length);
            }
            lineStart = lineEnd;
        }
        var codeStart = Math.Min(firstLineEnd + (firstLineEnd < text.Length ? (text[firstLineEnd] == '\r' ? 2 : 1) : 0), bodyEnd);
        var code = new string(body, codeStart, bodyEnd - codeStart);
        return new CSharpCellStatement(
            new SourceSpan(file, start, length),
            kindSpan,
            headers,
            code,
            new SourceSpan(file, start + codeStart, bodyEnd - codeStart));
    }

    /// <summary>Whether a CELL token's text closes with <c>#%end</c> (a cell without it runs to the next cell or the end of the script).</summary>
    public static bool IsClosed(string tokenText)
    {
        var lastLine = tokenText[(tokenText.LastIndexOf('\n') + 1)..].Trim();
        return tokenText.Contains('\n') && lastLine.Equals("#%end", StringComparison.OrdinalIgnoreCase);
    }

    private static int LineEnd(string text, int from)
    {
        var i = text.IndexOfAny(['\r', '\n'], from);
        return i < 0 ? text.Length : i;
    }
}
