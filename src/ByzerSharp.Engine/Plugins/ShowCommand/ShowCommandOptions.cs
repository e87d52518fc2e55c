using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.Plugins.ShowCommand;

/// <summary>
/// What <c>!show</c> lists: <c>tables|functions|et|commands|datasources|version</c>, or one ET's
/// options with <c>"et/Name"</c> (also written <c>et Name</c>).
/// </summary>
public sealed record ShowCommandOptions(string Topic, string? EtName, SourceSpan? EtSpan)
{
    public static readonly string[] Topics = ["tables", "functions", "et", "commands", "datasources", "version"];

    public static ShowCommandOptions Parse(IReadOnlyList<string> args, Func<int, SourceSpan?> spanOf)
    {
        if (args.Count == 0)
        {
            throw ByzerException.Semantic("!show needs a topic", spanOf(0), "one of: " + string.Join(", ", Topics) + ", \"et/Name\"");
        }
        var first = args[0];
        if (first.StartsWith("et/", StringComparison.OrdinalIgnoreCase) && first.Length > 3)
        {
            return new ShowCommandOptions("et", first[3..], spanOf(0));
        }
        var topic = Topics.FirstOrDefault(t => string.Equals(t, first, StringComparison.OrdinalIgnoreCase));
        if (topic is null)
        {
            var suggestion = Syntax.Parsing.Suggest.Closest(first, Topics);
            throw ByzerException.Semantic(
                $"!show does not know '{first}'",
                spanOf(0),
                (suggestion is not null ? $"did you mean '{suggestion}'? " : "") + "topics: " + string.Join(", ", Topics) + ", \"et/Name\"");
        }
        if (topic == "et" && args.Count == 2)
        {
            return new ShowCommandOptions("et", args[1], spanOf(1));
        }
        if (args.Count > (topic == "et" ? 2 : 1))
        {
            throw ByzerException.Semantic($"!show {topic} takes no further arguments", spanOf(1), "e.g. !show " + topic + ";");
        }
        return new ShowCommandOptions(topic, null, null);
    }
}
