namespace ByzerSharp.Delta.Tests;

/// <summary>Where the tests find the repository, the conformance corpus and the helper process.</summary>
internal static class TestPaths
{
    /// <summary>The repository root (the folder holding ByzerSharp.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "ByzerSharp.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }
            return dir ?? throw new DirectoryNotFoundException("ByzerSharp.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>
    /// shared/conformance/delta-golden, looked for in the repository root and every folder above it (so it is
    /// found from the main checkout, a worktree next to it, or CI's clone); null when absent.
    /// </summary>
    public static string? Conformance
    {
        get
        {
            for (var dir = RepoRoot; dir is not null; dir = Path.GetDirectoryName(dir))
            {
                var candidate = Path.Combine(dir, "shared", "conformance", "delta-golden");
                if (File.Exists(Path.Combine(candidate, "MANIFEST.tsv")))
                {
                    return candidate;
                }
            }
            return null;
        }
    }

    /// <summary>The helper process (tests/ByzerSharp.Delta.TestWriter) built next to this test assembly's configuration.</summary>
    public static string TestWriterDll
    {
        get
        {
            var testBin = AppContext.BaseDirectory.TrimEnd('/');
            var tfm = Path.GetFileName(testBin);
            var config = Path.GetFileName(Path.GetDirectoryName(testBin)!);
            var dll = Path.Combine(RepoRoot, "tests", "ByzerSharp.Delta.TestWriter", "bin", config!, tfm, "ByzerSharp.Delta.TestWriter.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("build tests/ByzerSharp.Delta.TestWriter first", dll);
        }
    }
}

/// <summary>A temp folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "delta-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
