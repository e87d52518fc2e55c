using ByzerSharp.Datasets;
using ByzerSharp.Datasets.Byzer;
using ByzerSharp.Diagnostics;
using OpenCvSharp;

namespace ByzerSharp.Examples.Tests;

public sealed class SyntheticImagesTests
{
    private static ByzerSession NewSession(ByzerEngine engine) => engine.CreateSession();

    private static ByzerEngine NewEngine(string temp, IDictionary<string, string>? vars = null)
    {
        var options = new ByzerOptions { ScratchDirectory = System.IO.Path.Combine(temp, ".scratch") }.Use(new DatasetsExtension());
        foreach (var (k, v) in vars ?? new Dictionary<string, string>())
        {
            options.Variables[k] = v;
        }
        return new ByzerEngine(options);
    }

    [Fact]
    public void WritesBalancedLabelledColourPngsInTheCifarLayout()
    {
        using var temp = new TempFolder();
        var (train, test) = SyntheticImageSet.Write(temp.Path, 30, 10);

        var files = Directory.GetFiles(train.Folder).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(30, files.Count);
        Assert.Equal(10, Directory.GetFiles(System.IO.Path.Combine(temp.Path, "cifar", "test")).Length);
        Assert.Equal(10, test.Count);
        Assert.Contains("0_disc.png", files);
        Assert.Contains("19_frame.png", files);
        var perLabel = files.GroupBy(f => f!.Split('_')[1]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, perLabel.Count);
        Assert.All(perLabel.Values, n => Assert.Equal(3, n));

        using var image = Cv2.ImRead(System.IO.Path.Combine(train.Folder, "3_hbars.png"), ImreadModes.Unchanged);
        Assert.Equal((32, 32, 3), (image.Width, image.Height, image.Channels()));
    }

    [Fact]
    public void TheSameImageComesOutOnEveryRunAndDiffersAcrossIdsAndSplits()
    {
        Assert.Equal(SyntheticImageSet.Png("train", 7), SyntheticImageSet.Png("train", 7));
        Assert.NotEqual(SyntheticImageSet.Png("train", 7), SyntheticImageSet.Png("train", 17));
        Assert.NotEqual(SyntheticImageSet.Png("train", 7), SyntheticImageSet.Png("test", 7));
    }

    [Fact]
    public void TheClassesDifferInColour()
    {
        // Mean colour of the brightest pixels (the shape) per class: a learnable signal beyond the shapes.
        var means = Enumerable.Range(0, 10).Select(label =>
        {
            using var image = Cv2.ImDecode(SyntheticImageSet.Png("train", label), ImreadModes.Color);
            return Cv2.Mean(image);
        }).ToList();
        Assert.Equal(10, means.Select(m => ((int)m.Val0 / 8, (int)m.Val1 / 8, (int)m.Val2 / 8)).Distinct().Count());
    }

    [Fact]
    public void CommandWritesTheSetAndPointsTheVariableAtIt()
    {
        using var temp = new TempFolder();
        using var engine = NewEngine(temp.Path);
        using var session = NewSession(engine);
        var result = session.Run($$"""
            set dataDir = "" where type="defaultParam";
            !syntheticImages "{{temp.Path}}/synthetic" 20 10 unlessSet dataDir;
            select "${dataDir}" as dir as out;
            """);
        Assert.Equal(System.IO.Path.Combine(temp.Path, "synthetic"), result.Table!.Rows[0][0]);
        Assert.Equal(20, Directory.GetFiles(System.IO.Path.Combine(temp.Path, "synthetic", "cifar", "train")).Length);
    }

    [Fact]
    public void CommandDoesNothingWhenTheVariableIsGiven()
    {
        using var temp = new TempFolder();
        using var engine = NewEngine(temp.Path, new Dictionary<string, string> { ["dataDir"] = "/real/data" });
        using var session = NewSession(engine);
        var result = session.Run($"""
            set dataDir = "" where type="defaultParam";
            !syntheticImages "{temp.Path}/synthetic" 20 10 unlessSet dataDir;
            """);
        Assert.Equal(["/real/data", 0, 0], result.Table!.Rows[0]);
        Assert.False(Directory.Exists(System.IO.Path.Combine(temp.Path, "synthetic")));
    }

    [Theory]
    [InlineData("!syntheticImages /tmp/x 20;", "takes a folder and two image counts, got 2 arguments")]
    [InlineData("!syntheticImages /tmp/x 20 ten;", "'ten' is not a number of images")]
    [InlineData("!syntheticImages /tmp/x 20 10 when dataDir;", "got 5 arguments")]
    public void BadArgumentsAreReportedAtTheArgument(string script, string message)
    {
        using var temp = new TempFolder();
        using var engine = NewEngine(temp.Path);
        using var session = NewSession(engine);
        var error = Assert.Throws<ByzerException>(() => session.Run(script));
        Assert.Contains(message, error.Message);
        Assert.Contains("usage: !syntheticImages", error.Hint);
    }
}
