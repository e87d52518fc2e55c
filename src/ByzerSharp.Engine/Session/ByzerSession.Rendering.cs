using ByzerSharp.Syntax.Ast;
using ByzerSharp.Text;

namespace ByzerSharp.Session;

public sealed partial class ByzerSession
{
    private readonly HashSet<(SourceFile, int, string)> _warnedUnknown = [];

    /// <summary>
    /// Starts a request (one script run): request-scoped variables of the previous run are
    /// dropped and the predefined ones (today, date, …) are computed again.
    /// </summary>
    internal void BeginRequest()
    {
        _warnedUnknown.Clear();
        Variables.BeginRequest(RequestTime());
    }

    /// <summary>Now in the session's time zone, so that ${today} agrees with SQL's current_date.</summary>
    private DateTimeOffset RequestTime()
    {
        var now = DateTimeOffset.Now;
        if (string.IsNullOrEmpty(Options.TimeZone))
        {
            return now;
        }
        try
        {
            return TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(Options.TimeZone));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return now;
        }
    }

    /// <summary>
    /// Substitutes ${var} in a piece of the script. <paramref name="span"/> is where the text is
    /// written, including the quotes given by <paramref name="quote"/>. Unknown references stay
    /// as written and are reported once each as a warning pointing at the reference; with
    /// <paramref name="warn"/> false (the preprocess pass, where later sets are not yet known)
    /// nothing is reported.
    /// </summary>
    public string Render(string text, SourceSpan span, QuoteKind quote = QuoteKind.None, bool forSelect = false, bool warn = true)
    {
        if (!warn)
        {
            return Templates.Render(text, forSelect);
        }
        var offsetInSpan = span.Length == text.Length ? 0 : quote switch
        {
            QuoteKind.Triple => 3,
            QuoteKind.Single or QuoteKind.Double or QuoteKind.Backquote => 1,
            _ => 0,
        };
        Templates.OnUnknown = unknown =>
        {
            var at = span.Slice(offsetInSpan + unknown.Offset, unknown.Length);
            if (!_warnedUnknown.Add((at.File, at.Start, unknown.Via + "/" + unknown.Name)))
            {
                return;
            }
            var reference = at.Text;
            if (unknown.Via is { } via)
            {
                Warn($"unknown variable ${{{unknown.Name}}} in the value of ${{{via}}} is left as written", at,
                    $"define {unknown.Name} with set {unknown.Name}=\"…\"; or pass --var {unknown.Name}=…");
            }
            else if (unknown.HiddenFromSelect)
            {
                Warn($"variable {reference} is not visible in select statements and is left as written", at,
                    "it was set with visibility=\"un_select\"; remove that option to use it in select");
            }
            else
            {
                Warn($"unknown variable {reference} is left as written", at,
                    $"define it with set {unknown.Name}=\"…\"; or pass --var {unknown.Name}=…; write $!{{{unknown.Name}}} for an empty default");
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
    public DataSources.OptionValues RenderOptions(OptionList options, SourceSpan statementSpan, bool warn = true) =>
        new(options.Select(o => (o, Render(o.Value, o.ValueSpan, o.Quote, warn: warn))), statementSpan);
}
