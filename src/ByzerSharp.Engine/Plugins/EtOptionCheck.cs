using ByzerSharp.DataSources;
using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Parsing;
using ByzerSharp.Text;

namespace ByzerSharp.Plugins;

/// <summary>
/// Checks an ET call's options against what the ET declares for that kind of call before it runs:
/// a missing required option fails with Byzer's "&lt;opt&gt; is required", an undeclared one is
/// reported as a warning with the closest declared name (typos otherwise pass silently, as in Byzer).
/// An ET that declares no options at all is not checked.
/// </summary>
public static class EtOptionCheck
{
    public static void Check(EtPlugin et, EtContext context) =>
        Check(et, et.OptionsFor(context.Kind), context.Options, context.Span, context.Session, context.Kind.ToString().ToLowerInvariant());

    public static void Check(EtPlugin et, RegisterContext context)
    {
        if (et.RegisterOptions is { } declared)
        {
            Check(et, declared, context.Options, context.Statement.Span, context.Session, "register");
        }
    }

    private static void Check(EtPlugin et, IReadOnlyList<EtOption> declared, OptionValues options, SourceSpan span, ByzerSession session, string verb)
    {
        if (et.Options.Count == 0)
        {
            return;
        }
        foreach (var option in declared.Where(o => o.Required))
        {
            if (!options.Has(option.Name))
            {
                throw ByzerException.Semantic(
                    $"{option.Name} is required",
                    span,
                    $"add where {option.Name}=\"…\" ({option.Description}); !show \"et/{et.Name}\" lists the options");
            }
        }
        foreach (var key in options.Keys)
        {
            // Engine-provided options (__LINE__, __dfname__, …) are never declared.
            if (key.StartsWith("__", StringComparison.Ordinal) || declared.Any(o => string.Equals(o.Name, key, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var suggestion = Suggest.Closest(key, declared.Select(o => o.Name));
            session.Warn(
                declared.Count == 0 ? $"{et.Name} {verb} takes no options; '{key}' is ignored" : $"{et.Name} does not know the option '{key}'; it is ignored",
                options.KeySpanOf(key),
                suggestion is not null ? $"did you mean '{suggestion}'?" : $"!show \"et/{et.Name}\" lists the options");
        }
    }
}
