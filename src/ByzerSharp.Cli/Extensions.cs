namespace ByzerSharp.Cli;

/// <summary>The extensions the byzer command loads into every session (the library loads only what the app adds).</summary>
internal static class Extensions
{
    public static IEnumerable<IByzerExtension> All() =>
    [
        new Delta.Byzer.DeltaExtension(),
        new Cells.CellsExtension(),
        new Images.ImageExtension(),
        new Datasets.Byzer.DatasetsExtension(),
        new ScriptUdf.ScriptUdfExtension(),
    ];
}
