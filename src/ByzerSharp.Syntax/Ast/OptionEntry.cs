using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Ast;

/// <summary>One <c>key="value"</c> of a where/options clause. The value is unquoted but not unescaped.</summary>
public sealed record OptionEntry(string Key, string Value, QuoteKind Quote, SourceSpan KeySpan, SourceSpan ValueSpan);
