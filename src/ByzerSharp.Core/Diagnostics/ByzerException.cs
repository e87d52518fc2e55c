using ByzerSharp.Text;

namespace ByzerSharp.Diagnostics;

/// <summary>
/// Every error a user can cause is one of these: a message, the place in the script, and what to do.
/// Anything else escaping the engine is a bug and is reported as an internal error.
/// </summary>
public class ByzerException : Exception
{
    public ByzerException(ErrorKind kind, string message, SourceSpan? span = null, string? hint = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Span = span;
        Hint = hint;
    }

    public ErrorKind Kind { get; }

    public SourceSpan? Span { get; private set; }

    public string? Hint { get; }

    /// <summary>Attaches a location if the error has none yet (errors thrown deep inside an executor).</summary>
    public virtual ByzerException WithSpan(SourceSpan span)
    {
        Span ??= span;
        return this;
    }

    public static ByzerException Syntax(string message, SourceSpan span, string? hint = null) =>
        new(ErrorKind.Syntax, message, span, hint);

    public static ByzerException Semantic(string message, SourceSpan? span = null, string? hint = null) =>
        new(ErrorKind.Semantic, message, span, hint);

    public static ByzerException Runtime(string message, SourceSpan? span = null, string? hint = null, Exception? inner = null) =>
        new(ErrorKind.Runtime, message, span, hint, inner);

    /// <summary>The complete user-facing text: location, message, source line with a caret, hint.</summary>
    public string Render() => DiagnosticRenderer.Render("error", Message, Span, Hint);
}
