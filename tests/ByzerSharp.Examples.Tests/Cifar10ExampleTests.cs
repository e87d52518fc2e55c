using System.Globalization;

namespace ByzerSharp.Examples.Tests;

/// <summary>
/// examples/cifar10/cifar10.byzer end to end, as `byzer run` runs it without dataDir: the synthetic set (2,000 train /
/// 500 test images of 10 classes), resize cell, Delta, image save/load, StringIndex, 4-worker training cell, register
/// Ray, predictions. Chance is 10 %; the pipeline reaches about 75 % (docs/performance.md).
/// </summary>
public sealed class Cifar10ExampleTests
{
    // Compiled cells and UDFs go to a temporary cache, not the user's ~/.cache.
    static Cifar10ExampleTests() =>
        Environment.SetEnvironmentVariable("BYZER_CACHE_DIR", Path.Combine(Path.GetTempPath(), "byzer-examples-cache"));

    [Fact]
    public void TrainsOnTheSyntheticSetAndPredictsTheTestSetWellAboveChance()
    {
        using var temp = new TempFolder();
        var options = new ByzerOptions { ScratchDirectory = Path.Combine(temp.Path, ".scratch"), ResultLimit = 0 }
            .Use(new Delta.Byzer.DeltaExtension())
            .Use(new Cells.CellsExtension())
            .Use(new Images.ImageExtension())
            .Use(new Datasets.Byzer.DatasetsExtension())
            .Use(new ScriptUdf.ScriptUdfExtension());
        options.Variables["workDir"] = temp.Path;
        var script = Path.Combine(RepoRoot(), "examples", "cifar10", "cifar10.byzer");
        using var engine = new ByzerEngine(options);
        using var session = engine.CreateSession();

        var result = session.Run(File.ReadAllText(script), script);

        var table = result.Table!;
        Assert.Equal("accuracy", Assert.Single(table.Columns).Name);
        var accuracy = Convert.ToDouble(Assert.Single(table.Rows)[0], CultureInfo.InvariantCulture);
        Assert.InRange(accuracy, 0.5, 1.0);
        // What the script wrote: the synthetic set, the model in the lake, the resized test images.
        Assert.Equal(2000, Directory.GetFiles(Path.Combine(temp.Path, "synthetic", "cifar", "train")).Length);
        Assert.True(Directory.Exists(Path.Combine(temp.Path, "lake", "ai_model", "cifar_model", "_delta_log")));
        Assert.Equal(500, Directory.GetFiles(Path.Combine(temp.Path, "size-28x28-test")).Length);
    }

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "ByzerSharp.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }
        return dir ?? throw new DirectoryNotFoundException("ByzerSharp.sln not found above " + AppContext.BaseDirectory);
    }
}
