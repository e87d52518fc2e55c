using ByzerSharp.DataSources.Files;
using ByzerSharp.Diagnostics;
using Xunit;

namespace ByzerSharp.Tests.DataSources;

public sealed class FileSetTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public FileSetTests()
    {
        foreach (var f in new[] { "a.csv", "b.csv", "c.json", "_SUCCESS", ".hidden.csv", "x.csv.crc", "sub/d.csv", "sub/deeper/e.csv", "k=1/f.csv", "_tmp/g.csv" })
        {
            _dir.Write(f);
        }
    }

    public void Dispose() => _dir.Dispose();

    private string[] Names(string pattern, bool recursive = false, string? filter = null) =>
        FileSet.Expand(pattern.Replace("D", _dir.Path, StringComparison.Ordinal), null, recursive, filter)
            .Select(f => Path.GetRelativePath(_dir.Path, f)).ToArray();

    [Theory]
    [InlineData("/a/*.csv", "/a/x.csv", true)]
    [InlineData("/a/*.csv", "/a/b/x.csv", false)]
    [InlineData("/a/**/*.csv", "/a/b/c/x.csv", true)]
    [InlineData("/a/**/*.csv", "/a/x.csv", true)]
    [InlineData("/a/?.csv", "/a/x.csv", true)]
    [InlineData("/a/?.csv", "/a/xy.csv", false)]
    [InlineData("/a/[ab].csv", "/a/b.csv", true)]
    [InlineData("/a/[ab].csv", "/a/c.csv", false)]
    [InlineData("/a/[!ab].csv", "/a/c.csv", true)]
    [InlineData("/a/[!ab].csv", "/a/a.csv", false)]
    [InlineData("/a/x.c+v", "/a/x.c+v", true)]
    [InlineData("/a/x.csv", "/a/xAcsv", false)]
    public void GlobMatchFollowsHadoop(string pattern, string path, bool expected) =>
        Assert.Equal(expected, FileSet.GlobMatch(pattern, path));

    [Fact]
    public void FolderListsDataFilesAndPartitionFolders() =>
        Assert.Equal(["a.csv", "b.csv", "c.json", "k=1/f.csv"], Names("D"));

    [Fact]
    public void RecursiveLookupDescendsEveryFolderButHiddenOnes() =>
        Assert.Equal(["a.csv", "b.csv", "c.json", "k=1/f.csv", "sub/d.csv", "sub/deeper/e.csv"], Names("D", recursive: true));

    [Fact]
    public void StarDoesNotMatchHiddenOrCrossFolders() =>
        Assert.Equal(["a.csv", "b.csv"], Names("D/*.csv"));

    [Fact]
    public void DoubleStarCrossesFolders() =>
        Assert.Equal(["a.csv", "b.csv", "k=1/f.csv", "sub/d.csv", "sub/deeper/e.csv"], Names("D/**/*.csv"));

    [Fact]
    public void BracesAndCommaLists() =>
        Assert.Equal(["a.csv", "c.json", "sub/d.csv"], Names("D/{a.csv,c.json},D/sub/d.csv"));

    [Fact]
    public void GlobNamingAFolderReadsTheFolder() =>
        Assert.Equal(["sub/d.csv"], Names("D/s*"));

    [Fact]
    public void PathGlobFilterAppliesToFileNames() =>
        Assert.Equal(["c.json"], Names("D", filter: "*.json"));

    [Fact]
    public void MissingPathIsAnErrorNamingTheUri()
    {
        var e = Assert.Throws<ByzerException>(() => FileSet.Expand(Path.Combine(_dir.Path, "nope"), null));
        Assert.Equal($"Path does not exist: file:{_dir.Path}/nope", e.Message);
    }

    [Fact]
    public void GlobMatchingNothingIsAnError() =>
        Assert.Throws<ByzerException>(() => FileSet.Expand(Path.Combine(_dir.Path, "*.parquet"), null));

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("x:y=z", "x%3Ay%3Dz")]
    [InlineData("50%", "50%25")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("plain text-1.5", "plain text-1.5")]
    public void PartitionValuesAreEscapedLikeSpark(string value, string folder)
    {
        Assert.Equal("p=" + folder, PartitionPath.Folder("p", value));
        Assert.Equal(value, PartitionPath.Unescape(folder));
    }

    [Fact]
    public void NullPartitionValueUsesHiveDefault() =>
        Assert.Equal("p=__HIVE_DEFAULT_PARTITION__", PartitionPath.Folder("p", null));
}
