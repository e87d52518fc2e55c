using ByzerSharp.DataSources;
using ByzerSharp.Session;
using ByzerSharp.Text;

namespace ByzerSharp.Execution.Executors;

/// <summary><c>connect fmt … as db</c> options merged into a later <c>load|save fmt.`db.table`</c> (the statement's own options win).</summary>
internal static class ConnectOptions
{
    public static OptionValues Merge(ByzerSession session, string format, string rawPath, OptionValues options, SourceSpan span)
    {
        var dot = rawPath.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !session.Connections.TryGetValue((format, rawPath[..dot]), out var stored))
        {
            return options;
        }
        var merged = new Dictionary<string, string>(stored, StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in options.ToDictionary())
        {
            merged[k] = v;
        }
        return new OptionValues(merged, span);
    }
}
