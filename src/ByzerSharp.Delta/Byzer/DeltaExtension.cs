using ByzerSharp.Commands;

namespace ByzerSharp.Delta.Byzer;

/// <summary>Adds the delta data source and the !delta command to Byzer sessions.</summary>
public sealed class DeltaExtension : IByzerExtension
{
    public void Register(ExtensionRegistry registry)
    {
        registry.AddDataSource(new DeltaDataSource());
        registry.AddEt(new DeltaCommandEt());
        registry.AddCommand(new BuiltinCommand("delta", "DeltaCommandWrapper", "Delta tables: history, show tables, vacuum"));
    }
}
