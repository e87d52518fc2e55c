using ByzerSharp.Syntax.Ast;
using ByzerSharp.Text;

namespace ByzerSharp.Session;

public sealed partial class ByzerSession
{
    private readonly HashSet<(string, int, string)> _warnedUnknown = [];

    /// <summary>
    /// Substitutes ${var} in a piece of the script. Unknown references stay as written and are
    /// reported once as a warning pointing at the reference.
    /// </summary>
    public string Render(string text, SourceSpan span, QuoteKind quote = QuoteKind.None, bool forSelect = false)
    {
        var offsetInSpan = quote switch
        {
            QuoteKind.Triple => 3,
            QuoteKind.Single or QuoteKind.Double or QuoteKind.Backquote => 1,
            _ => 0,
        };
        if (span.Length == text.Length)
        {
            offsetInSpan = 0;
        }
        Templates.OnUnknown = (name, offset) =>
        {
            var at = span.Slice(offsetInSpan + offset, name.Length + 3);
            if (_warnedUnknown.Add((at.File.Path, at.Start, name)))
            {
                Warn($"unknown variable ${{{name}}} is left as written", at, $"define it with set {name}=\"…\"; or pass --var {name}=…");
            }
        };
        try
        {
            return Templates.Render(text, forSelect);
        }
        finally
        {
            Templates.OnUnknown = null;
        }
    }

    public string Render(Identifier identifier) =>
        Render(identifier.Text, identifier.Span, identifier.Backquoted ? QuoteKind.Backquote : QuoteKind.None);

    /// <summary>The statement's options with ${var} substituted in their values.</summary>
    public DataSources.OptionValues RenderOptions(OptionList options, SourceSpan statementSpan) =>
        new(options.Select(o => (o, Render(o.Value, o.ValueSpan, o.Quote))), statementSpan);
}
