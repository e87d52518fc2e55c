namespace ByzerSharp.GoldenTests;

/// <summary>
/// The engine configuration golden files run under, and the capabilities they may require
/// (require delta, require opencv, …). Extension projects add themselves here.
/// </summary>
public static class GoldenEnvironment
{
    private static readonly HashSet<string> Capabilities = new(StringComparer.OrdinalIgnoreCase) { "duckdb", "delta", "image", "csharp", "csharp-cells" };

    // Compiled C# (ScriptUDF) is cached in a temporary folder, not the user's ~/.cache.
    static GoldenEnvironment() =>
        Environment.SetEnvironmentVariable("BYZER_CACHE_DIR", Path.Combine(Path.GetTempPath(), "byzer-golden-cache"));

    public static bool Has(string capability) => Capabilities.Contains(capability);

    public static ByzerOptions Options(string testDir)
    {
        var options = new ByzerOptions
        {
            Owner = "tester",
            ScratchDirectory = Path.Combine(testDir, ".scratch"),
            TimeZone = "UTC",
        };
        options.Variables["TEST_DIR"] = testDir;
        options.Use(new Delta.Byzer.DeltaExtension());
        options.Use(new Cells.CellsExtension());
        options.Use(new Images.ImageExtension());
        options.Use(new ScriptUdf.ScriptUdfExtension());
        options.Settings["streaming.datalake.path"] = Path.Combine(testDir, "lake");
        return options;
    }
}
