using ByzerSharp.Session;
using Xunit;

namespace ByzerSharp.Tests.Variables;

public sealed class TemplateRendererTests
{
    private static readonly DateTime Now = new(2024, 3, 1, 13, 45, 30, DateTimeKind.Unspecified);

    private static (TemplateRenderer Renderer, List<UnknownReference> Unknown) Create(params (string Name, string Value, bool Hidden)[] vars)
    {
        var store = new VariableStore("/home/", "alice", Now);
        foreach (var (name, value, hidden) in vars)
        {
            store.Put(new Variable(name, value, HiddenFromSelect: hidden));
        }
        var unknown = new List<UnknownReference>();
        var renderer = new TemplateRenderer(store) { OnUnknown = unknown.Add };
        return (renderer, unknown);
    }

    [Theory]
    [InlineData("a ${x} b", "a X b")]
    [InlineData("$x.csv", "X.csv")]
    [InlineData("$x-$x", "X-X")]
    [InlineData("${ x }", "X")]
    [InlineData("${x}${x}", "XX")]
    [InlineData("${spark.sql.x}", "dotted")]
    [InlineData("${HOME}|${OWNER}|${today}|${yesterday}|${tomorrow}|${theDayBeforeYesterday}", "/home/|alice|2024-03-01|2024-02-29|2024-03-02|2024-02-28")]
    [InlineData("${date.toString(\"yyyyMMdd HH:mm:ss\")}", "20240301 13:45:30")]
    [InlineData("$date.toString('yyyy')!", "2024!")]
    [InlineData("${date.minusDays(1).plusMonths(1).toString(\"yyyy-MM-dd\")}", "2024-03-29")]
    [InlineData("${date.toString(\"'}'yyyy\")}", "}2024")]
    [InlineData("[$!{nothing}][$!nothing]", "[][]")]
    [InlineData("\\${x} \\$x", "${x} $x")]
    [InlineData("\\${nothing}", "\\${nothing}")]
    public void Substitutes(string text, string expected)
    {
        var (renderer, unknown) = Create(("x", "X", false), ("spark.sql.x", "dotted", false));
        Assert.Equal(expected, renderer.Render(text));
        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("^a$")]
    [InlineData("regexp_replace(s, '(a)', '$1')")]
    [InlineData("$$dollar quoted$$")]
    [InlineData("${1}${2}")]
    [InlineData("${}")]
    [InlineData("${unclosed")]
    [InlineData("$unknownShorthand")]
    [InlineData("$ {x}")]
    [InlineData("price in $")]
    public void DollarsThatAreNotKnownReferencesStaySilentAndVerbatim(string text)
    {
        var (renderer, unknown) = Create(("x", "X", false));
        Assert.Equal(text, renderer.Render(text));
        Assert.Empty(unknown);
    }

    [Fact]
    public void UnknownBracedReferencesAreReportedWithTheirExactPlace()
    {
        var (renderer, unknown) = Create(("x", "X", false));
        const string text = "a ${x} ${nope}\n${ spaced } ${x.length()}";
        Assert.Equal("a X ${nope}\n${ spaced } ${x.length()}", renderer.Render(text));
        Assert.Collection(
            unknown,
            u => Assert.Equal(("nope", text.IndexOf("${nope}", StringComparison.Ordinal), 7), (u.Name, u.Offset, u.Length)),
            u => Assert.Equal(("spaced", text.IndexOf("${ spaced }", StringComparison.Ordinal), 11), (u.Name, u.Offset, u.Length)),
            u => Assert.Equal(("x", text.IndexOf("${x.length()}", StringComparison.Ordinal), 13), (u.Name, u.Offset, u.Length)));
    }

    [Fact]
    public void HiddenVariablesAreInvisibleOnlyToSelect()
    {
        var (renderer, unknown) = Create(("secret", "s", true));
        Assert.Equal("s", renderer.Render("${secret}"));
        Assert.Equal("${secret}", renderer.Render("${secret}", forSelect: true));
        var reported = Assert.Single(unknown);
        Assert.True(reported.HiddenFromSelect);
    }

    [Fact]
    public void AValueIsInsertedOnceAndItsLeftoverReferencesAreReportedAtTheUse()
    {
        var (renderer, unknown) = Create(("b", "${a}/x", false));
        Assert.Equal("[${a}/x]", renderer.Render("[${b}]"));
        var reported = Assert.Single(unknown);
        Assert.Equal(("a", "b", 1, 4), (reported.Name, reported.Via, reported.Offset, reported.Length));
    }

    [Fact]
    public void OverlayWinsOverVariables()
    {
        var store = new VariableStore("", "o", Now);
        store.Put(new Variable("k", "variable"));
        var renderer = new TemplateRenderer(store, new Dictionary<string, string> { ["k"] = "overlay" });
        Assert.Equal("overlay", renderer.Render("${k}"));
    }

    [Fact]
    public void RerenderResolvesChainsDefinedInAnyOrder()
    {
        var store = new VariableStore("", "o", Now);
        var renderer = new TemplateRenderer(store);
        store.Put(new Variable("c", "${b}-c"));
        store.Put(new Variable("b", "${a}-b"));
        store.Put(new Variable("a", "a"));
        store.Rerender((t, s) => renderer.Render(t, s));
        Assert.Equal("a-b-c", store.Get("c"));
    }
}
