using ByzerSharp.Results;
using Xunit;

namespace ByzerSharp.Tests.Execution;

public sealed class StatementTimingTests
{
    [Fact]
    public void EveryExecutedStatementIsReportedInOrderWithItsLineAndTime()
    {
        var timings = new List<StatementTiming>();
        var options = new ByzerOptions { OnStatementExecuted = timings.Add };
        using var engine = new ByzerEngine(options);
        using var session = engine.CreateSession();

        session.Run("set n = \"3\";\nselect ${n} as x as a;\n\nselect x + 1 as y from a as b;");

        Assert.Equal(["set", "select", "select"], timings.Select(t => t.Statement.Keyword));
        Assert.Equal([1, 2, 4], timings.Select(t => t.Statement.Span.Line));
        Assert.All(timings, t => Assert.True(t.Elapsed > TimeSpan.Zero));
    }

    [Fact]
    public void AFailingStatementIsNotReported()
    {
        var timings = new List<StatementTiming>();
        using var engine = new ByzerEngine(new ByzerOptions { OnStatementExecuted = timings.Add });
        using var session = engine.CreateSession();

        Assert.ThrowsAny<Exception>(() => session.Run("select 1 as x as a;\nselect nope from a as b;"));

        Assert.Equal([1], timings.Select(t => t.Statement.Span.Line));
    }
}
