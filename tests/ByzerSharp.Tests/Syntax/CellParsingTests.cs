using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Syntax.Parsing;
using Xunit;

namespace ByzerSharp.Tests.Syntax;

public sealed class CellParsingTests
{
    private const string Script = """
        select 1 as a as t;
        #%csharp
        #%input=t
        #%schema = st(field(a,long))
        var x = 1;

        if (x > 0) { context.BuildResult([]); }
        #%dataMode=model
        #%end
        select 2 as b as u;
        """;

    [Fact]
    public void A_cell_needs_no_semicolon_and_keeps_its_headers_and_code_positions()
    {
        var statements = ScriptParser.Parse(Script).Statements;
        Assert.Collection(statements,
            s => Assert.IsType<SelectStatement>(s),
            s =>
            {
                var cell = Assert.IsType<CSharpCellStatement>(s);
                Assert.Equal(["input", "schema", "dataMode"], cell.Headers.Select(h => h.Key));
                Assert.Equal("st(field(a,long))", cell.Header("SCHEMA")!.Value);
                Assert.Equal("st(field(a,long))", cell.Header("schema")!.ValueSpan.Text);
                // The code starts on the line after #%csharp; the header lines in it are blanks.
                Assert.Equal(3, cell.CodeSpan.Line);
                Assert.Equal("", cell.Code.Split('\n')[0].Trim());
                // Header lines inside the body are blanked, so offsets in the code are script offsets.
                Assert.Equal(cell.CodeSpan.Length, cell.Code.Length);
                Assert.Contains("if (x > 0)", cell.Code);
                Assert.DoesNotContain("dataMode", cell.Code);
            },
            s => Assert.IsType<SelectStatement>(s));
    }

    [Fact]
    public void A_cell_without_end_runs_to_the_next_cell_and_semicolons_inside_do_not_split_it()
    {
        var text = "#%csharp\n#%schema=a long\nvar a = 1; var b = 2;\n#%csharp\n#%schema=a long\ncontext.BuildResult([]);";
        var statements = ScriptParser.Parse(text).Statements;
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.IsType<CSharpCellStatement>(s));
        Assert.Equal("var a = 1; var b = 2;", ((CSharpCellStatement)statements[0]).Code.Trim());
        var (parts, remainder) = ScriptParser.SplitStatements(Script);
        Assert.Equal(3, parts.Count);
        Assert.Equal("", remainder);
        Assert.True(ScriptParser.IsComplete("#%csharp\nvar a = 1;\n#%end"));
        Assert.False(ScriptParser.IsComplete("#%csharp\nvar a = 1;"));
    }

    [Fact]
    public void A_python_cell_fails_at_its_first_line_with_the_porting_guide()
    {
        var e = Assert.Throws<ByzerException>(() => ScriptParser.Parse("select 1 as a as t;\n#%python\nprint(1)\n"));
        Assert.Equal(ErrorKind.Syntax, e.Kind);
        Assert.Equal(2, e.Span!.Value.Line);
        Assert.Contains("docs/csharp-cells.md#porting", e.Hint);
    }
}
