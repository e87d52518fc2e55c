namespace ByzerSharp.Torch.Tests;

public sealed class PatchedLibraryCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("byzersharp-cache-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Writes_one_folder_per_content_and_repairs_a_damaged_copy()
    {
        var first = PatchedLibraryCache.Write([1, 2, 3], _root);
        var other = PatchedLibraryCache.Write([4, 5, 6], _root);

        Assert.NotEqual(Path.GetDirectoryName(first), Path.GetDirectoryName(other));
        Assert.Equal("libLibTorchSharp.so", Path.GetFileName(first));
        Assert.Equal(first, PatchedLibraryCache.Write([1, 2, 3], _root));

        File.WriteAllBytes(first, [1, 2]); // a truncated copy from an interrupted run
        Assert.Equal(first, PatchedLibraryCache.Write([1, 2, 3], _root));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(first));
        Assert.Empty(Directory.GetFiles(_root, "*.tmp", SearchOption.AllDirectories));
    }
}
