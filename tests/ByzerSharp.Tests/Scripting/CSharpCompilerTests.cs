using ByzerSharp.Diagnostics;
using ByzerSharp.Scripting;
using ByzerSharp.Text;
using Xunit;

namespace ByzerSharp.Tests.Scripting;

public sealed class CSharpCompilerTests
{
    // A script whose C# starts mid-line, the way code='''…''' does.
    private static (SourceFile File, SourceSpan Statement, SourceSpan Code) Script(string code)
    {
        var prefix = "set x=\"1\";\nregister ScriptUDF.`` as f where code='''";
        var file = new SourceFile("udf.byzer", prefix + code + "''';\n");
        var statementStart = prefix.IndexOf("register", StringComparison.Ordinal);
        return (file, new SourceSpan(file, statementStart, file.Text.Length - statementStart), new SourceSpan(file, prefix.Length, code.Length));
    }

    private static string Unit(SourceSpan code, string name) =>
        $"namespace Gen_{name}; public static class Udf {{" + SourceMap.Begin(code) + code.Text + SourceMap.End + "}";

    [Fact]
    public void CompilesAndRunsUserCode()
    {
        var (_, statement, code) = Script("public static int apply(int a) => a * 2 + 1;");
        var assembly = CSharpCompiler.Compile(new CSharpCompileRequest(Unit(code, "Runs"), statement));
        var method = assembly.GetType("Gen_Runs.Udf")!.GetMethod("apply")!;
        Assert.Equal(7, method.Invoke(null, [3]));
    }

    [Fact]
    public void SameSourceIsCompiledOnceAndCachedOnDisk()
    {
        var (_, statement, code) = Script("public static string apply(string s) => s + \"!\";");
        var request = new CSharpCompileRequest(Unit(code, "Cached"), statement);
        var first = CSharpCompiler.Compile(request);
        var compilations = CSharpCompiler.RoslynCompilations;
        var second = CSharpCompiler.Compile(request with { });
        Assert.Same(first, second);
        Assert.Equal(compilations, CSharpCompiler.RoslynCompilations);
        Assert.True(File.Exists(first.Location), "the assembly is loaded from the disk cache");
        Assert.StartsWith(CSharpCompiler.CacheDirectory, first.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void CompileErrorPointsIntoTheScript()
    {
        var (file, statement, code) = Script("public static int apply(int a)\n{\n    return a + missing;\n}");
        var error = Assert.Throws<ByzerException>(() => CSharpCompiler.Compile(new CSharpCompileRequest(Unit(code, "Error"), statement)));
        Assert.Equal(ErrorKind.Semantic, error.Kind);
        Assert.Contains("CS0103", error.Message, StringComparison.Ordinal);
        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
        var span = error.Span!.Value;
        Assert.Same(file, span.File);
        Assert.Equal(4, span.Line);
        Assert.Equal(16, span.Column);
        Assert.Equal("missing", span.Text);
    }

    [Fact]
    public void ErrorOnTheFirstLineKeepsTheScriptColumn()
    {
        var (_, statement, code) = Script("public static int apply(int a) => a +* 2;");
        var error = Assert.Throws<ByzerException>(() => CSharpCompiler.Compile(new CSharpCompileRequest(Unit(code, "FirstLine"), statement)));
        var span = error.Span!.Value;
        Assert.Equal(2, span.Line);
        Assert.Equal("register ScriptUDF.`` as f where code='''public static int apply(int a) => a +".Length + 1, span.Column);
    }

    [Fact]
    public void ErrorsOutsideUserCodeAreReportedAtTheStatement()
    {
        var (_, statement, code) = Script("public static int apply(int a) => a;");
        var source = "namespace Gen_Outside; public static class Udf { int broken = \"x\";" + SourceMap.Begin(code) + code.Text + SourceMap.End + "}";
        var error = Assert.Throws<ByzerException>(() => CSharpCompiler.Compile(new CSharpCompileRequest(source, statement)));
        Assert.Equal(statement, error.Span);
    }

    [Fact]
    public void ExceptionsAreLocatedOnTheScriptLine()
    {
        var (file, statement, code) = Script("public static int apply(int a)\n{\n    if (a > 0) throw new System.InvalidOperationException(\"boom\");\n    return a;\n}");
        var assembly = CSharpCompiler.Compile(new CSharpCompileRequest(Unit(code, "Throws"), statement));
        var method = assembly.GetType("Gen_Throws.Udf")!.GetMethod("apply")!;
        var thrown = Assert.Throws<System.Reflection.TargetInvocationException>(() => method.Invoke(null, [1]));
        var at = SourceMap.Locate(thrown, file);
        Assert.NotNull(at);
        Assert.Equal(4, at.Value.Line);
        Assert.StartsWith("if (a > 0) throw", at.Value.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ExecutablesAllowTopLevelStatements()
    {
        var (_, statement, code) = Script("var total = 0; for (var i = 1; i <= 4; i++) total += i; Gen.Result.Value = total;");
        var source = SourceMap.Begin(code) + code.Text + SourceMap.End + "namespace Gen { public static class Result { public static int Value; } }";
        var assembly = CSharpCompiler.Compile(new CSharpCompileRequest(source, statement, Output: CSharpOutput.Executable));
        var entry = assembly.EntryPoint!;
        entry.Invoke(null, entry.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]);
        Assert.Equal(10, assembly.GetType("Gen.Result")!.GetField("Value")!.GetValue(null));
    }
}
