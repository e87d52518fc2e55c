using ByzerSharp.Results;

namespace ByzerSharp.Pipeline.Bench;

/// <summary>One statement of the example as it ran: the line it starts on, its first words, its time.</summary>
internal sealed record TimedStatement(int Line, string Keyword, string Summary, TimeSpan Elapsed);

/// <summary>Runs examples/cifar10/cifar10.byzer through the library API, timing each statement.</summary>
internal static class PipelineRun
{
    /// <summary>Runs the script; a failing statement ends the run, and its error comes back with the times so far.</summary>
    public static (ScriptResult? Result, IReadOnlyList<TimedStatement> Statements, TimeSpan Total, Diagnostics.ByzerException? Error) Execute(string scriptPath, string dataDir, string workDir)
    {
        var timings = new List<TimedStatement>();
        var options = PipelineExtensions.Options();
        options.Variables["dataDir"] = dataDir;
        options.Variables["workDir"] = workDir;
        options.OnStatementExecuted = timing => timings.Add(new TimedStatement(
            timing.Statement.Span.Line, timing.Statement.Keyword, Summarize(timing.Statement.Text), timing.Elapsed));
        using var engine = new ByzerEngine(options);
        using var session = engine.CreateSession();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var result = session.Run(File.ReadAllText(scriptPath), scriptPath);
            return (result, timings, watch.Elapsed, null);
        }
        catch (Diagnostics.ByzerException e)
        {
            return (null, timings, watch.Elapsed, e);
        }
    }

    /// <summary>The statement's first line, shortened (for a cell, its kind and output): enough to recognise it in the report.</summary>
    private static string Summarize(string text)
    {
        var lines = text.Split('\n');
        var first = lines[0].Trim();
        if (first.StartsWith("#%", StringComparison.Ordinal) && lines.FirstOrDefault(l => l.StartsWith("#%output=", StringComparison.Ordinal)) is { } output)
        {
            first += " " + output.Trim();
        }
        return first.Length <= 70 ? first : first[..67] + "...";
    }
}
