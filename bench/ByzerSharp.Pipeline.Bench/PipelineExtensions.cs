namespace ByzerSharp.Pipeline.Bench;

/// <summary>What the example needs besides the core: one line per extension project.</summary>
internal static class PipelineExtensions
{
    public static IEnumerable<IByzerExtension> All() =>
    [
        new Delta.Byzer.DeltaExtension(),
        new Cells.CellsExtension(),
        new Datasets.Byzer.DatasetsExtension(),
        new Images.ImageExtension(),
        new ScriptUdf.ScriptUdfExtension(),
    ];

    /// <summary>Options with every extension the example needs.</summary>
    public static ByzerOptions Options()
    {
        var options = new ByzerOptions { ResultLimit = 0 };
        foreach (var extension in All())
        {
            options.Use(extension);
        }
        return options;
    }
}
