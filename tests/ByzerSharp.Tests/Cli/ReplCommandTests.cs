using Xunit;

namespace ByzerSharp.Tests.Cli;

public sealed class ReplCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Statements_span_lines_and_print_tables()
    {
        var r = _cli.Run("select 1\n as a\n as t;\n", false, "repl");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("+---+\n|  a|\n+---+\n|  1|\n+---+\n", r.Out);
        Assert.Equal("", r.Error);
    }

    [Fact]
    public void Variables_set_in_one_input_are_visible_in_the_next()
    {
        // Regression: each input used to start a new request, which drops request-scoped variables.
        var r = _cli.Run("set who = \"world\";\nselect 'hello ${who}' as greeting as t;\n", false, "repl");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("hello world", r.Out, StringComparison.Ordinal);
        Assert.Equal("", r.Error);
    }

    [Fact]
    public void Println_writes_to_stderr_and_keeps_stdout_for_results()
    {
        var r = _cli.Run("!println \"note\";\n", false, "repl");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("note", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("note", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_do_not_end_the_session()
    {
        var r = _cli.Run("select * from nope as t;\nlod x;\nselect 2 as b as u;\n", false, "repl");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Table or view not found: nope", r.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'load'?", r.Error, StringComparison.Ordinal);
        Assert.Contains("|  2|", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Semicolon_in_string_or_comment_does_not_end_the_statement()
    {
        var r = _cli.Run("select 'a;b' as s -- not the end;\n as t;\n", false, "repl");
        Assert.Contains("a;b", r.Out, StringComparison.Ordinal);
        Assert.Equal("", r.Error);
    }

    [Fact]
    public void Meta_commands_work()
    {
        var input = ":help\nselect 1 as a as t1;\n:tables\n:plan select 1 as a as t2;\n:history\n:reset\n:tables\n:nope\n:quit\nselect 3 as never as t3;\n";
        var r = _cli.Run(input, false, "repl");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(":tables", r.Out, StringComparison.Ordinal);
        Assert.Contains("t1\tview\t", r.Out, StringComparison.Ordinal);
        Assert.Contains("t2", r.Out, StringComparison.Ordinal);
        Assert.Contains("select 1 as a as t1;", r.Out, StringComparison.Ordinal);
        Assert.Contains("new session", r.Out, StringComparison.Ordinal);
        Assert.Contains("unknown meta-command :nope", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("never", r.Out, StringComparison.Ordinal);
        // After :reset the session's own tables are gone.
        var afterReset = r.Out[r.Out.IndexOf("\nnew session\n", StringComparison.Ordinal)..];
        Assert.DoesNotContain("t1\t", afterReset, StringComparison.Ordinal);
    }

    [Fact]
    public void Unfinished_statement_at_end_of_input_is_run()
    {
        var r = _cli.Run("select 5 as a as t", false, "repl");
        Assert.Contains("|  5|", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_string_at_end_of_input_is_reported()
    {
        var r = _cli.Run("select 'abc as t;\n", false, "repl");
        Assert.Equal("", r.Out);
        Assert.Contains("unterminated string", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void History_is_persisted_in_BYZER_HISTORY()
    {
        var file = Path.Combine(_cli.Directory, "history");
        _cli.Environment["BYZER_HISTORY"] = file;
        _cli.Run("select 1 as a\n as t;\n", false, "repl");
        Assert.Equal("select 1 as a as t;\n", File.ReadAllText(file));
        var second = _cli.Run(":history\n", false, "repl");
        Assert.Equal("select 1 as a as t;\n", second.Out);
    }

    [Fact]
    public void Terminal_input_gets_a_banner_and_prompts()
    {
        var r = _cli.Run("select 1 as a\nas t;\n", true, "repl");
        Assert.Contains("byzer> ", r.Out, StringComparison.Ordinal);
        Assert.Contains("   ... ", r.Out, StringComparison.Ordinal);
        Assert.Contains(":help", r.Out, StringComparison.Ordinal);
    }
}
