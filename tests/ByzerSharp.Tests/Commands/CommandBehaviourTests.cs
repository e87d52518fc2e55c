using ByzerSharp.Diagnostics;
using Xunit;

namespace ByzerSharp.Tests.Commands;

/// <summary>Command behaviour the golden files cannot see: the log, the home prefix, argument lists.</summary>
public sealed class CommandBehaviourTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "byzer-cmd-" + Guid.NewGuid().ToString("N")[..10]);

    public CommandBehaviourTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void PrintlnWritesItsArgumentsToTheLogAndReturnsNoTable()
    {
        var log = new StringWriter();
        var options = new ByzerOptions { Log = log, ScratchDirectory = Path.Combine(_dir, ".s") };
        using var engine = new ByzerEngine(options);
        var result = engine.Run("!println \"hello\" world;");
        Assert.Null(result.Table);
        Assert.Equal("hello world" + Environment.NewLine, log.ToString());
    }

    [Fact]
    public void HdfsPathsGetTheHomePrefix()
    {
        var options = new ByzerOptions { Home = _dir, ScratchDirectory = Path.Combine(_dir, ".s") };
        using var engine = new ByzerEngine(options);
        using var session = engine.CreateSession();
        session.Run("!hdfs -mkdir -p /data/x; !copyFromLocal " + Path.Combine(_dir, "data") + " /copy;");
        Assert.True(Directory.Exists(Path.Combine(_dir, "data", "x")));
        Assert.True(Directory.Exists(Path.Combine(_dir, "copy", "x")));
        var listing = session.Run("!hdfs -ls;").Table!;
        Assert.StartsWith("Found 3 items", (string)listing.Rows[0][0]!, StringComparison.Ordinal);
        var error = Assert.Throws<ByzerException>(() => session.Run("!hdfs -ls /../etc;"));
        Assert.Equal("path should not contains ..", error.Message);
    }

    [Fact]
    public void ShellArgumentsReachTheProgramUnchanged()
    {
        using var engine = new ByzerEngine(new ByzerOptions { ScratchDirectory = Path.Combine(_dir, ".s") });
        var table = engine.Run("!sh printf \"%s|\" \"a b\" '~' \"*\" \"x;y\";").Table!;
        Assert.Equal("a b|~|*|x;y|", Assert.Single(table.Rows)[0]);
    }

    [Fact]
    public void ShellFailureReportsExitCodeAndStderr()
    {
        using var engine = new ByzerEngine(new ByzerOptions { ScratchDirectory = Path.Combine(_dir, ".s") });
        var error = Assert.Throws<ByzerException>(() => engine.Run("!sh ls /no/such/folder/here;"));
        Assert.Equal(ErrorKind.Runtime, error.Kind);
        Assert.Matches("^ls /no/such/folder/here exited with code 2: ls: cannot access '/no/such/folder/here'", error.Message);
    }
}
