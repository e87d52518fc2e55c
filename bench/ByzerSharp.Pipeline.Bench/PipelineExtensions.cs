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
}
