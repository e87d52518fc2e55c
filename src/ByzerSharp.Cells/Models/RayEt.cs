using ByzerSharp.Plugins;
using ByzerSharp.Session;

namespace ByzerSharp.Cells.Models;

/// <summary>
/// Byzer's Ray ET. <c>run command as Ray.`` where code=…</c> (what the notebook makes of a cell)
/// runs C# cell code like the CSharp ET; <c>register Ray.`modelTable` as fn</c> serves a model
/// as a SQL function (<see cref="ModelFunction"/>).
/// </summary>
public sealed class RayEt : EtPlugin
{
    public override string Name => "Ray";

    public override string Description => "Runs C# cell code (run), or registers a model table as a SQL function (register … where registerCode='''…''')";

    // Byzer's Ray opts out of the home prefix: the register path is a table name.
    public override bool UsesPathPrefix => false;

    public override TableEntry? Train(EtContext context) => CSharpEt.Execute(context, CellInvocation.From(context));

    public override void Register(RegisterContext context) => ModelFunction.Register(context);
}
