using ByzerSharp.Diagnostics;
using ByzerSharp.Plugins.HDFSCommand;
using Xunit;

namespace ByzerSharp.Tests.Commands;

/// <summary>How !hdfs arguments are split into operation, flags and paths, and which are refused.</summary>
public sealed class HDFSCommandOptionsTests
{
    private static HDFSCommandOptions Parse(params string[] args) => HDFSCommandOptions.Parse(args, _ => null);

    private static ByzerException Refused(params string[] args) => Assert.Throws<ByzerException>(() => Parse(args));

    [Fact]
    public void LsWithoutPathListsTheDefaultFolder()
    {
        var o = Parse("-ls");
        Assert.Equal("ls", o.Operation);
        Assert.Empty(o.Paths);
        Assert.False(o.Rows);
    }

    [Fact]
    public void FlagsBeforePathsArePathsAfterwards()
    {
        var o = Parse("-ls", "-h", "-R", "/a", "-b");
        Assert.Equal(["R", "h"], o.Flags.Order(StringComparer.Ordinal));
        // Once a path has been seen, Hadoop treats everything as a path, even a leading '-'.
        Assert.Equal(["/a", "-b"], o.Paths.Select(p => p.Text));
        Assert.Equal([3, 4], o.Paths.Select(p => p.ArgIndex));
    }

    [Theory]
    [InlineData("-F", "-ls", "/x")]
    [InlineData("-ls", "-F", "/x")]
    public void DashFAskForRowsBeforeOrAfterTheOperation(params string[] args)
    {
        var o = Parse(args);
        Assert.True(o.Rows);
        Assert.Equal("/x", Assert.Single(o.Paths).Text);
        Assert.DoesNotContain("F", o.Flags);
    }

    [Fact]
    public void RmrAndCapitalRAreRmWithR()
    {
        Assert.Equal(("rm", true), (Parse("-rmr", "/x").Operation, Parse("-rmr", "/x").Has("r")));
        var upper = Parse("-rm", "-R", "-f", "/x");
        Assert.True(upper.Has("r"));
        Assert.True(upper.Has("f"));
        Assert.False(upper.Has("R"));
    }

    [Fact]
    public void CpKeepsEveryPathInOrder()
    {
        var o = Parse("-cp", "-f", "/a", "/b", "/dst");
        Assert.Equal(["/a", "/b", "/dst"], o.Paths.Select(p => p.Text));
        Assert.True(o.Has("f"));
    }

    [Fact]
    public void TestTakesExactlyOneFlag()
    {
        Assert.Equal("e", Assert.Single(Parse("-test", "-e", "/x").Flags));
        Assert.Equal("-test: No test flag given", Refused("-test", "/x").Message);
        Assert.Equal("-test: Only one test flag is allowed", Refused("-test", "-e", "-d", "/x").Message);
        Assert.Equal("-test: Too many arguments: expected 1 but got 2", Refused("-test", "-e", "/x", "/y").Message);
    }

    [Theory]
    [InlineData("-mkdir: Not enough arguments: expected 1 but got 0", "-mkdir", "-p")]
    [InlineData("-mv: Not enough arguments: expected 2 but got 1", "-mv", "/a")]
    [InlineData("-ls: Illegal option -x", "-ls", "-x")]
    [InlineData("-rm: Illegal option -rf", "-rm", "-rf", "/a")]
    [InlineData("-lss: Unknown command", "-lss")]
    [InlineData("ls: Unknown command", "ls", "/tmp")]
    [InlineData("-F is only supported with -ls, not with -cat", "-F", "-cat", "/a")]
    [InlineData("!hdfs needs an operation")]
    [InlineData("!hdfs needs an operation", "-F")]
    public void BadArgumentsAreRefusedWithHadoopMessages(string message, params string[] args) =>
        Assert.Equal(message, Refused(args).Message);

    [Fact]
    public void ErrorsPointAtTheOffendingArgument()
    {
        var spans = new List<int>();
        Assert.Throws<ByzerException>(() => HDFSCommandOptions.Parse(["-ls", "-h", "-q"], i =>
        {
            spans.Add(i);
            return null;
        }));
        Assert.Equal([2], spans);
    }

    [Fact]
    public void UnknownCommandSuggestsTheClosest() =>
        Assert.StartsWith("did you mean -mkdir?", Refused("-mkdr", "/x").Hint);
}
