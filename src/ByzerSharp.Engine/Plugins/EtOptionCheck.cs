using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Parsing;

namespace ByzerSharp.Plugins;

/// <summary>
/// Checks a train/run/predict call's options against what the ET declares before it runs:
/// a missing required option fails with Byzer's "&lt;opt&gt; is required", an undeclared one is
/// reported as a warning with the closest declared name (typos otherwise pass silently, as in Byzer).
/// </summary>
public static class EtOptionCheck
{
    public static void Check(EtPlugin et, EtContext context)
    {
        var declared = et.Options;
        if (declared.Count == 0)
        {
            return;
        }
        foreach (var option in declared.Where(o => o.Required))
        {
            if (!context.Options.Has(option.Name))
            {
                throw ByzerException.Semantic(
                    $"{option.Name} is required",
                    context.Span,
                    $"add where {option.Name}=\"…\" ({option.Description}); !show \"et/{et.Name}\" lists the options");
            }
        }
        foreach (var key in context.Options.Keys)
        {
            // Engine-provided options (__LINE__, __dfname__, …) are never declared.
            if (key.StartsWith("__", StringComparison.Ordinal) || declared.Any(o => string.Equals(o.Name, key, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var suggestion = Suggest.Closest(key, declared.Select(o => o.Name));
            context.Session.Warn(
                $"{et.Name} does not know the option '{key}'; it is ignored",
                context.Options.KeySpanOf(key),
                suggestion is not null ? $"did you mean '{suggestion}'?" : $"!show \"et/{et.Name}\" lists the options");
        }
    }
}
