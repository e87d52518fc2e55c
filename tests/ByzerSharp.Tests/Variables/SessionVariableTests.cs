using ByzerSharp.Results;
using ByzerSharp.Session;
using Xunit;

namespace ByzerSharp.Tests.Variables;

/// <summary>Variables across requests (Run calls) of one session, and every ET/command substitution site.</summary>
public sealed class SessionVariableTests : IDisposable
{
    private readonly EchoExtension _echo = new();
    private readonly ByzerEngine _engine;
    private readonly ByzerSession _session;

    public SessionVariableTests()
    {
        var options = new ByzerOptions { Owner = "tester", TimeZone = "UTC" }.Use(_echo);
        options.Variables["given"] = "from --var";
        _engine = new ByzerEngine(options);
        _session = _engine.CreateSession();
    }

    public void Dispose()
    {
        _session.Dispose();
        _engine.Dispose();
    }

    private object?[] Row(string script)
    {
        var result = _session.Run(script, "t.byzer");
        return Assert.Single(result.Table!.Rows);
    }

    private string Value(string script) => (string)Row(script)[0]!;

    [Fact]
    public void SessionScopedVariablesSurviveRunsAndRequestScopedOnesDoNot()
    {
        _session.Run("set s=\"kept\" where scope=\"session\"; set r=\"dropped\";");
        Assert.Equal("kept", _session.Variables.Get("s"));
        Assert.Equal("kept|${r}", Value("select '${s}|${r}' as v as t;"));
        Assert.False(_session.Variables.Contains("r"));
        Assert.Contains(_session.Variables.SessionScoped, v => v.Name == "s");
    }

    [Fact]
    public void CommandLineVariablesCanBeOverriddenForOneRequest()
    {
        Assert.Equal("from --var", Value("select '${given}' as v as t;"));
        Assert.Equal("from --var", Value("set given=\"fallback\" where type=\"defaultParam\"; select '${given}' as v as t;"));
        Assert.Equal("overridden", Value("set given=\"overridden\"; select '${given}' as v as t;"));
        Assert.Equal("from --var", Value("select '${given}' as v as t;"));
    }

    [Fact]
    public void SessionScopeBeatsCommandLineVariablesInLaterRequests()
    {
        _session.Run("set given=\"session\" where scope=\"session\";");
        Assert.Equal("session", Value("select '${given}' as v as t;"));
    }

    [Fact]
    public void DollarSignsInSqlDoNotWarn()
    {
        var result = _session.Run("select regexp_replace('a1', '[0-9]$', '') as a, '$1 $$ ^$' as b, '${1}' as c as t;");
        Assert.Empty(result.Warnings);
        Assert.Equal(["a", "$1 $$ ^$", "${1}"], result.Table!.Rows[0]);
    }

    [Fact]
    public void EachUnknownReferenceWarnsOnceEvenWhenRenderedTwice()
    {
        // The set runs in the preprocess pass and again in order; its options are rendered both times.
        var result = _session.Run("set x=\"1\" where note=\"${m}\";\nselect '${m}' as a as t;", "t.byzer");
        Assert.Equal(["t.byzer:1:23", "t.byzer:2:9"], result.Warnings.Select(w => w.Span.ToString()));
    }

    [Theory]
    [InlineData("select 1 as a as `t_${nope}`;", "t.byzer:1:21")]
    [InlineData("run command as Echo.`/p/${nope}` as t;", "t.byzer:1:25")]
    [InlineData("run command as Echo.`` where a='''x\n  ${nope}''' as t;", "t.byzer:2:3")]
    [InlineData("set m='''select '{0}' as v as t''';\n!m \"ab${nope}\";", "t.byzer:2:7")]
    public void WarningsPointAtTheReferenceInsideQuotesAndBackquotes(string script, string at)
    {
        // (A macro argument is reported where it is written; its expansion may report it again.)
        var warning = Assert.Single(_session.Run(script, "t.byzer").Warnings, w => w.Span!.Value.File.Path == "t.byzer");
        Assert.Equal(at, warning.Span.ToString());
        Assert.Equal("${nope}", warning.Span!.Value.Text);
    }

    [Fact]
    public void TrainSubstitutesInputPathOptionValuesAndOutputButNotOptionKeys()
    {
        var row = Row("set in=\"command\"; set p=\"/models/m1\"; set v=\"4\"; set out=\"result\"; set k=\"key\";"
            + " train `${in}` as Echo.`${p}` where num=\"${v}\" and `${k}`=\"x\" as `${out}`; select * from result as t;");
        Assert.Equal(["command", "/models/m1", "${k}=x,num=4", "result", ""], row);
    }

    [Fact]
    public void RunAndPredictSubstituteTheSameSites()
    {
        Assert.Equal("/p/run", Row("set d=\"run\"; run command as Echo.`/p/${d}` as `o_${d}`; select * from o_run as t;")[1]);
        Assert.Equal("/p/predict", Row("set d=\"predict\"; predict command as Echo.`/p/${d}` as `o_${d}`; select * from o_predict as t;")[1]);
    }

    [Fact]
    public void RegisterSubstitutesPathAndOptionValuesButNotTheFunctionName()
    {
        _session.Run("set p=\"/m\"; set a=\"A\"; register Echo.`${p}/x` as fn where alg=\"${a}\";");
        Assert.Equal(("/m/x", "alg=A", "fn"), Assert.Single(_echo.Et.Registered));
    }

    [Fact]
    public void BuiltinCommandsRenderQuotedArgumentsOnly()
    {
        var row = Row("set p=\"P\"; !echo \"${p}\" '''${p}''' raw/${p} named out; select * from out as t;");
        Assert.Equal("P|P|raw/${p}", row[4]);
    }

    [Fact]
    public void UserMacrosShadowBuiltinCommands()
    {
        Assert.Equal("macro", Value("set echo='''select 'macro' as v as t'''; !echo a;"));
        Assert.Equal("a", Row("!echo a named out2; select * from out2 as t;")[4]);
    }

    [Fact]
    public void ConnectOptionsAreSubstituted()
    {
        _session.Run("set u=\"jdbc:x\"; connect jdbc where url=\"${u}\" as db1;");
        Assert.Equal("jdbc:x", _session.Connections[("jdbc", "db1")]["url"]);
    }
}
