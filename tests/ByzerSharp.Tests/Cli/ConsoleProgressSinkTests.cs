using ByzerSharp.Cli.Output;
using Xunit;

namespace ByzerSharp.Tests.Cli;

public sealed class ConsoleProgressSinkTests
{
    [Fact]
    public void Without_a_terminal_nothing_is_drawn()
    {
        var sink = new ConsoleProgressSink(null);
        Assert.False(sink.Enabled);
        using var task = sink.Start("loading", 10);
        task.Advance(5);
    }

    [Fact]
    public void On_a_terminal_slow_operations_draw_one_line_and_clear_it()
    {
        var terminal = new StringWriter();
        var sink = new ConsoleProgressSink(terminal);
        using (var task = sink.Start("loading", 4))
        {
            task.Advance();
            Assert.Equal("", terminal.ToString());
            Thread.Sleep(600);
            task.Advance();
        }
        Assert.Equal("\r\u001b[2Kloading: 2/4 (50%)\r\u001b[2K", terminal.ToString());
    }
}
