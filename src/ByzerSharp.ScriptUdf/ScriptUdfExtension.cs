namespace ByzerSharp.ScriptUdf;

/// <summary>Adds the ScriptUDF ET (C# functions) to Byzer sessions.</summary>
public sealed class ScriptUdfExtension : IByzerExtension
{
    public void Register(ExtensionRegistry registry) => registry.AddEt(new ScriptUdfEt());
}
