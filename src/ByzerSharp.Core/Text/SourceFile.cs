namespace ByzerSharp.Text;

/// <summary>A script's text plus the name it is reported under. Line starts are computed once.</summary>
public sealed class SourceFile
{
    private readonly int[] _lineStarts;

    public SourceFile(string path, string text)
    {
        Path = path;
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = starts.ToArray();
    }

    /// <summary>The name used in diagnostics: a path as the user gave it, or a label such as &lt;repl&gt;.</summary>
    public string Path { get; }

    public string Text { get; }

    /// <summary>When this text was produced from another (a macro expansion or an include), where that happened.</summary>
    public SourceSpan? ExpandedFrom { get; init; }

    public int LineCount => _lineStarts.Length;

    /// <summary>1-based line and column of a character offset.</summary>
    public (int Line, int Column) LineColumn(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }
        return (index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>The character offset of a 1-based line and column (clamped to the text).</summary>
    public int OffsetOf(int line, int column)
    {
        line = Math.Clamp(line, 1, _lineStarts.Length);
        return Math.Clamp(_lineStarts[line - 1] + Math.Max(column, 1) - 1, 0, Text.Length);
    }

    /// <summary>The text of a 1-based line without its line break.</summary>
    public string LineText(int line)
    {
        if (line < 1 || line > _lineStarts.Length)
        {
            return string.Empty;
        }
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] - 1 : Text.Length;
        if (end > start && Text[end - 1] == '\r')
        {
            end--;
        }
        return Text[start..Math.Max(start, end)];
    }

    public override string ToString() => Path;
}
