using ByzerSharp.Scripting;
using ByzerSharp.ScriptUdf;
using Xunit;

namespace ByzerSharp.Tests.ScriptUdf;

/// <summary>Runs alone: other tests compiling C# in parallel would move the process-wide compilation counter.</summary>
[CollectionDefinition(nameof(RoslynCounterCollection), DisableParallelization = true)]
public sealed class RoslynCounterCollection;

[Collection(nameof(RoslynCounterCollection))]
public sealed class ScriptUdfCacheTests
{
    [Fact]
    public void SecondSessionWithTheSameCodeDoesNotRunRoslyn()
    {
        // A fresh marker makes this code new to the disk cache, so the first register must compile.
        var marker = Guid.NewGuid().ToString("N");
        var script = $"register ScriptUDF.`` as tagged where lang=\"csharp\" and code='''\nstring apply(string s) => s + \"/{marker}\";\n''';\n" +
            "select tagged('x') as v as out;";
        using var engine = new ByzerEngine(new ByzerOptions().Use(new ScriptUdfExtension()));
        var cachedBefore = CachedAssemblies();
        var compilationsBefore = CSharpCompiler.RoslynCompilations;

        using (var first = engine.CreateSession())
        {
            Assert.Equal("x/" + marker, first.Run(script).Table!.Rows[0][0]);
        }
        Assert.Equal(compilationsBefore + 1, CSharpCompiler.RoslynCompilations);
        var cached = Assert.Single(CachedAssemblies().Except(cachedBefore));
        var written = File.GetLastWriteTimeUtc(cached);

        using var second = engine.CreateSession();
        Assert.Equal("x/" + marker, second.Run(script).Table!.Rows[0][0]);
        Assert.Equal(compilationsBefore + 1, CSharpCompiler.RoslynCompilations);
        Assert.Equal(written, File.GetLastWriteTimeUtc(cached));
    }

    private static HashSet<string> CachedAssemblies() =>
        Directory.Exists(CSharpCompiler.CacheDirectory)
            ? Directory.EnumerateFiles(CSharpCompiler.CacheDirectory, "*.dll").ToHashSet(StringComparer.Ordinal)
            : [];
}
