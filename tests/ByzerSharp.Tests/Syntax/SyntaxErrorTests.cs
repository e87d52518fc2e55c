using Xunit;
using static ByzerSharp.Tests.Syntax.ParserTestHelpers;

namespace ByzerSharp.Tests.Syntax;

/// <summary>Where syntax errors point in multi-line scripts, and the lexer regressions found while testing.</summary>
public sealed class SyntaxErrorTests
{
    [Fact]
    public void Error_on_a_later_line_renders_that_line_with_a_caret()
    {
        var e = Error("set a = \"1\";\n\nload csv.`/a.csv`\n  where header=true\n  as t;");
        Assert.Equal((4, 16), (e.Span!.Value.Line, e.Span.Value.Column));
        Assert.Equal(
            "t.byzer:4:16: error: option values must be quoted, but found 'true'\n" +
            " 4 |   where header=true\n" +
            "   |                ^~~~\n" +
            "  help: write header=\"true\"\n",
            e.Render());
    }

    [Fact]
    public void Missing_semicolon_points_after_the_previous_statement()
    {
        var e = Error("load csv.`/a.csv` as t -- comment\n\nselect 1 as a as u;");
        Assert.Equal((1, 23), (e.Span!.Value.Line, e.Span.Value.Column));
        Assert.Equal(0, e.Span.Value.Length);
    }

    [Fact]
    public void Unterminated_string_points_at_its_opening_quote_on_its_own_line()
    {
        var e = Error("select 1 as a as t;\nset x = \"never closed;\nselect 2 as b as u;");
        Assert.Equal((2, 9), (e.Span!.Value.Line, e.Span.Value.Column));
        Assert.Equal("unterminated string", e.Message);
    }

    [Fact]
    public void Error_at_end_of_script_points_after_the_last_character()
    {
        var e = Error("load csv.`/a.csv` as\n\n");
        Assert.Equal((1, 21), (e.Span!.Value.Line, e.Span.Value.Column));
        Assert.Contains("expected a table name", e.Message, StringComparison.Ordinal);
    }

    // Regression: the unterminated-block-string and unterminated-comment tokens used `.*? EOF`,
    // which the lexer's longest-match rule preferred over every closed block string or comment.
    [Theory]
    [InlineData("set a = '''x''';\nselect 1 as a as t;", 2)]
    [InlineData("set a = ''''x''';", 1)]
    [InlineData("/* c */ select 1 as a as t;\n/**/ select 2 as b as u;", 2)]
    [InlineData("/***/ select 1 as a as t; /* ** / */", 1)]
    [InlineData("select 1 as a as t; /*/ still a comment */", 1)]
    public void Closed_block_strings_and_comments_followed_by_more_text_parse(string text, int statements)
    {
        Assert.Equal(statements, ByzerSharp.Syntax.Parsing.ScriptParser.Parse(text).Statements.Count);
    }

    [Theory]
    [InlineData("set a = '''x'';", "unterminated block string")]
    [InlineData("select 1 as a as t; /* x *", "unterminated comment")]
    [InlineData("select 1 as a as t; /**", "unterminated comment")]
    [InlineData("set a = \"x\\", "unterminated string")]
    [InlineData("load csv.`a`` as t;", "unterminated backquoted name")]
    public void Unclosed_block_strings_and_comments_are_reported(string text, string message)
    {
        Assert.Equal(message, Error(text).Message);
    }

    // Regression: `set q = `select 1`` kept the backquotes in the value, unlike Byzer's cleanStr.
    [Fact]
    public void Backquoted_set_value_is_unquoted()
    {
        var s = Single<ByzerSharp.Syntax.Ast.SetStatement>("set q = `select 1` where type=\"sql\";");
        Assert.Equal("select 1", s.Value);
        Assert.Equal(ByzerSharp.Syntax.Ast.QuoteKind.Backquote, s.ValueQuote);
    }
}
