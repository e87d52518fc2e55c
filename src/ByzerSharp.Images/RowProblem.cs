namespace ByzerSharp.Images;

/// <summary>Why one row's image cannot be written, and the help that fits that reason.</summary>
internal sealed record RowProblem(string Message, string Hint);
