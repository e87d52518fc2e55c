namespace ByzerSharp.Diagnostics;

/// <summary>The phase an error belongs to. It decides the CLI's exit code (65 vs 70).</summary>
public enum ErrorKind
{
    /// <summary>The script does not parse.</summary>
    Syntax,

    /// <summary>The script parses but names something that does not exist or is used wrongly (unknown table, format, option).</summary>
    Semantic,

    /// <summary>The script is valid but failed while running (I/O, engine, user code).</summary>
    Runtime,
}
