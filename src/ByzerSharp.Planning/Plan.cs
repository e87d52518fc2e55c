using System.Text;

namespace ByzerSharp.Planning;

/// <summary>A script's steps in execution order.</summary>
public sealed record Plan(IReadOnlyList<PlanStep> Steps)
{
    /// <summary>The stable text form printed by <c>byzer explain</c>.</summary>
    public string Print()
    {
        var sb = new StringBuilder();
        var width = Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            var (line, _) = step.Statement.Span.File.LineColumn(step.Statement.Span.Start);
            sb.Append((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width))
                .Append(". [").Append(step.Executor).Append("] ")
                .Append(step.Describe())
                .Append("   (").Append(step.Statement.Span.File.Path).Append(':').Append(line).Append(')')
                .Append('\n');
        }
        return sb.ToString();
    }
}
