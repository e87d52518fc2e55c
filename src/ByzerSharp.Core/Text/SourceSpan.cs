namespace ByzerSharp.Text;

/// <summary>A range of characters in a <see cref="SourceFile"/>. Every AST node and diagnostic has one.</summary>
public readonly record struct SourceSpan(SourceFile File, int Start, int Length)
{
    public int End => Start + Length;

    public int Line => File.LineColumn(Start).Line;

    public int Column => File.LineColumn(Start).Column;

    public string Text => File.Text.Substring(Start, Math.Min(Length, File.Text.Length - Start));

    /// <summary>A span covering both spans (which must be in the same file).</summary>
    public SourceSpan Union(SourceSpan other)
    {
        var start = Math.Min(Start, other.Start);
        var end = Math.Max(End, other.End);
        return new SourceSpan(File, start, end - start);
    }

    /// <summary>A sub-span given as an offset into this span's text.</summary>
    public SourceSpan Slice(int offset, int length) =>
        new(File, Start + Math.Clamp(offset, 0, Length), Math.Max(0, Math.Min(length, Length - offset)));

    public override string ToString()
    {
        var (line, column) = File.LineColumn(Start);
        return $"{File.Path}:{line}:{column}";
    }
}
