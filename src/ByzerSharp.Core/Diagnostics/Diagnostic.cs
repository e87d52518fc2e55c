using ByzerSharp.Text;

namespace ByzerSharp.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>A non-fatal message (warnings such as an unresolved ${var}).</summary>
public sealed record Diagnostic(Severity Severity, string Message, SourceSpan? Span, string? Hint = null)
{
    public string Render() =>
        DiagnosticRenderer.Render(Severity == Severity.Error ? "error" : "warning", Message, Span, Hint);
}
