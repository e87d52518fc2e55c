using ByzerSharp.Diagnostics;
using ByzerSharp.Execution;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Syntax.Parsing;
using Xunit;

namespace ByzerSharp.Tests.Variables;

public sealed class MacroExpanderTests : IDisposable
{
    private readonly ByzerEngine _engine = new(new ByzerOptions { Owner = "tester" });
    private readonly Session.ByzerSession _session;

    public MacroExpanderTests() => _session = _engine.CreateSession();

    public void Dispose()
    {
        _session.Dispose();
        _engine.Dispose();
    }

    private string Fill(string template, string command)
    {
        var statement = (CommandStatement)ScriptParser.Parse(command).Statements.Single();
        return MacroExpander.Fill(_session, statement, template, MacroExpander.Arguments(_session, statement));
    }

    [Theory]
    [InlineData("{0}-{1}", "!m a b;", "a-b")]
    [InlineData("{}-{}-{0}", "!m a b;", "a-b-a")]
    [InlineData("{-1}|{-2}", "!m a b c;", "c|b")]
    [InlineData("{3:dflt}|{-5:neg}", "!m a;", "dflt|neg")]
    [InlineData("{2:next(named,none)}", "!m x named out;", "out")]
    [InlineData("{2:next(named,none)}", "!m x y;", "none")]
    [InlineData("${x} {0} $x", "!m a;", "${x} a $x")]
    [InlineData("{\"k\": {0}} {a,b} {2,3} {", "!m v;", "{\"k\": v} {a,b} {2,3} {")]
    [InlineData("{0}", "!m \"a b\";", "a b")]
    [InlineData("{0}", "!m '''multi\nline''';", "multi\nline")]
    [InlineData("{0}|{1}", "!m -ls /tmp/a.csv;", "-ls|/tmp/a.csv")]
    public void FillsPositionalPlaceholders(string template, string command, string expected) =>
        Assert.Equal(expected, Fill(template, command));

    [Fact]
    public void AllIsAJsonArrayWithEscapes() =>
        Assert.Equal("[\"-F\",\"say \\\"hi\\\" é\"]", Fill("{:all}", "!m -F 'say \"hi\" é';"));

    [Fact]
    public void UuidDefaultsAreFreshHex()
    {
        var filled = Fill("{0:uuid()} {0:uuid()}", "!m;").Split(' ');
        Assert.All(filled, u => Assert.Matches("^[0-9a-f]{32}$", u));
        Assert.NotEqual(filled[0], filled[1]);
    }

    [Fact]
    public void MissingArgumentsAreAnErrorAtTheCommand()
    {
        var e = Assert.Throws<ByzerException>(() => Fill("{0} {1}", "!m a;"));
        Assert.Equal("!m needs argument 1 for {1} but was given 1 argument", e.Message);
        Assert.Equal(0, e.Span!.Value.Start);
    }

    [Fact]
    public void NamedModeFillsVelocityReferences() =>
        Assert.Equal("run t as X where n=\"4\" as out", Fill("run ${i} as X where n=\"${num}\" as ${o}", "!m _ -i t -num 4 -o out;"));

    [Fact]
    public void QuotedArgumentsAreRenderedRawOnesAreNot()
    {
        _session.Variables.Put(new Session.Variable("p", "P"));
        Assert.Equal("P|/a/${p}", Fill("{0}|{1}", "!m \"${p}\" /a/${p};"));
    }

    [Fact]
    public void ExpansionsAreFilesThatPointBackAtTheCommand()
    {
        var command = (CommandStatement)ScriptParser.Parse("select 1 as a as t;\n!m x;", "s.byzer").Statements[1];
        var statements = MacroExpander.Expand(_session, command, "select '{0}' as a as t -- no ';' needed");
        var select = Assert.IsType<SelectStatement>(Assert.Single(statements));
        Assert.Equal("<macro !m>", select.Span.File.Path);
        Assert.Equal(command.Span, select.Span.File.ExpandedFrom);
    }
}
