using ByzerSharp.Commands;

namespace ByzerSharp.Datasets.Byzer;

/// <summary>Adds the SyntheticImages ET and its command <c>!syntheticImages</c>.</summary>
public sealed class DatasetsExtension : IByzerExtension
{
    public void Register(ExtensionRegistry registry)
    {
        registry.AddEt(new SyntheticImagesEt());
        registry.AddCommand(new BuiltinCommand("syntheticImages", "SyntheticImages",
            "Writes a synthetic CIFAR-layout image set of 10 classes: !syntheticImages <dir> <nTrain> <nTest> [unlessSet <variable>]"));
    }
}
