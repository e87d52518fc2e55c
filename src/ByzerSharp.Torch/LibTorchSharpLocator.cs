using TorchSharp;

namespace ByzerSharp.Torch;

/// <summary>
/// Finds the shipped libLibTorchSharp.so where the .NET host would look for it: the native search directories
/// of the app's deps.json (bin/runtimes/linux-x64/native for a normal build), the app folder, and finally the
/// NuGet package cache (for tools that run TorchSharp.dll straight from there).
/// </summary>
internal static class LibTorchSharpLocator
{
    public const string FileName = "libLibTorchSharp.so";

    public static string? Find()
    {
        foreach (var dir in CandidateDirectories())
        {
            var path = Path.Combine(dir, FileName);
            if (File.Exists(path))
                return Path.GetFullPath(path);
        }
        return null;
    }

    /// <summary>Where a sibling library (libtorch.so …) of the one found in <paramref name="dir"/> would be.</summary>
    public static string? FindSibling(string dir, string name) =>
        new[] { dir }.Concat(CandidateDirectories()).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static IEnumerable<string> CandidateDirectories()
    {
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string searchDirs)
        {
            foreach (var dir in searchDirs.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                yield return dir;
        }
        yield return AppContext.BaseDirectory;
        yield return Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        var torchDir = Path.GetDirectoryName(typeof(torch).Assembly.Location);
        if (!string.IsNullOrEmpty(torchDir))
            yield return torchDir;
        var version = typeof(torch).Assembly.GetName().Version;
        if (version is not null)
        {
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            yield return Path.Combine(packages, "torchsharp", version.ToString(3), "runtimes", "linux-x64", "native");
            var libtorch = Path.Combine(packages, "libtorch-cpu-linux-x64");
            if (Directory.Exists(libtorch))
            {
                foreach (var dir in Directory.GetDirectories(libtorch).OrderDescending(StringComparer.Ordinal))
                    yield return Path.Combine(dir, "runtimes", "linux-x64", "native");
            }
        }
    }
}
