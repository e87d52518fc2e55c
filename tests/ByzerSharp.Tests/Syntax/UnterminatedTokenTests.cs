using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Syntax.Parsing;
using Xunit;

namespace ByzerSharp.Tests.Syntax;

/// <summary>
/// The "unterminated" lexer tokens must only win when the closer is really missing: the lexer
/// prefers the longest match, so a body that may run to EOF used to swallow every later block.
/// </summary>
public sealed class UnterminatedTokenTests
{
    [Theory]
    [InlineData("set m='''x''';\nselect 1 as a as t;", 2)]
    [InlineData("set m='''a 'q' ''b'' c''';\nset n='''d''';", 2)]
    [InlineData("/* c */ select 1 as a as t; /* d */ select 2 as a as u;", 2)]
    [InlineData("/** x **/ select 1 as a as t;", 1)]
    public void ClosedBlocksFollowedByMoreTextParse(string text, int statements) =>
        Assert.Equal(statements, ScriptParser.Parse(text).Statements.Count);

    [Fact]
    public void BlockStringValueKeepsItsInnerQuotes()
    {
        var set = Assert.IsType<SetStatement>(ScriptParser.Parse("set m='''a 'q' ''b'' c''';").Statements.Single());
        Assert.Equal("a 'q' ''b'' c", set.Value);
    }

    [Fact]
    public void BackquotedSetValuesLoseTheirBackquotes()
    {
        var set = Assert.IsType<SetStatement>(ScriptParser.Parse("set n=`select 1` where type=\"sql\";").Statements.Single());
        Assert.Equal(("select 1", QuoteKind.Backquote), (set.Value, set.ValueQuote));
    }

    [Theory]
    [InlineData("set m='''abc\nselect 1 as a as t;", "unterminated block string")]
    [InlineData("set m='''abc''\n", "unterminated block string")]
    [InlineData("/* open\nselect 1 as a as t;", "unterminated comment")]
    [InlineData("/* open **", "unterminated comment")]
    public void MissingClosersAreReportedWhereTheyStart(string text, string message)
    {
        var e = Assert.Throws<ByzerException>(() => ScriptParser.Parse(text));
        Assert.Equal(message, e.Message);
    }
}
