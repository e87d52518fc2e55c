using ByzerSharp.Cells.Models;
using ByzerSharp.Cells.Python;
using ByzerSharp.Commands;

namespace ByzerSharp.Cells;

/// <summary>C# cells (#%csharp, !csharp, run command as CSharp), !python conf/env and register Ray.</summary>
public sealed class CellsExtension : IByzerExtension
{
    public void Register(ExtensionRegistry registry)
    {
        registry.AddEt(new CSharpEt());
        registry.AddCommand(new BuiltinCommand("csharp", "CSharp", "Runs C# cell code: !csharp on t '''context.Foreach(row => row);''' named out"));
        registry.AddEt(new PythonCommandEt());
        registry.AddCommand(new BuiltinCommand("python", "PythonCommand", "Cell settings for C# cells: !python conf \"schema=…\" | env \"K=V\""));
        registry.AddEt(new RayEt());
    }
}
