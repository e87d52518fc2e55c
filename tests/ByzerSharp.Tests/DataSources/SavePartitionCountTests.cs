using Xunit;

namespace ByzerSharp.Tests.DataSources;

/// <summary>A table's PartitionCount (set by TableRepartition) is the default number of part files; fileNum wins.</summary>
public sealed class SavePartitionCountTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("", 4)]
    [InlineData("where fileNum=\"2\"", 2)]
    public void PartitionCountGivesTheFileCount(string options, int expectedFiles)
    {
        using var engine = new ByzerEngine(new ByzerOptions { TimeZone = "UTC" });
        using var session = engine.CreateSession();
        session.Run("select id from range(10) as t;");
        session.SetPartitions(session.Catalog.Get("t", null), 4);
        var target = Path.Combine(_dir.Path, "out");
        session.Run($"save overwrite t as csv.`{target}` {options};");
        Assert.Equal(expectedFiles, Directory.GetFiles(target, "part-*.csv").Length);
        Assert.Equal(10, Directory.GetFiles(target, "part-*.csv").Sum(f => File.ReadAllLines(f).Length));
    }
}
