namespace ByzerSharp.Tests;

internal static class RepoPaths
{
    /// <summary>The repository root (the folder holding ByzerSharp.sln).</summary>
    public static string Root
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
}
