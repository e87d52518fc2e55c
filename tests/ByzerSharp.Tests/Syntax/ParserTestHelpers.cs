using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Syntax.Parsing;
using ByzerSharp.Text;
using Xunit;

namespace ByzerSharp.Tests.Syntax;

internal static class ParserTestHelpers
{
    public static T Single<T>(string text)
        where T : Statement
    {
        var script = ScriptParser.Parse(text, "t.byzer");
        var statement = Assert.Single(script.Statements);
        return Assert.IsType<T>(statement);
    }

    public static ByzerException Error(string text)
    {
        var e = Assert.Throws<ByzerException>(() => ScriptParser.Parse(text, "t.byzer"));
        Assert.Equal(ErrorKind.Syntax, e.Kind);
        return e;
    }

    /// <summary>Line, column and text of a span, for compact assertions.</summary>
    public static (int Line, int Column, string Text) At(SourceSpan span) => (span.Line, span.Column, span.Text);

    public static (int Line, int Column, string Text) At(Identifier id) => At(id.Span);
}
