using ByzerSharp.Session;

namespace ByzerSharp.Plugins.EmptyTable;

/// <summary>
/// <c>!emptyTable</c>: a statement that produces no table, so a script (or notebook cell) ending
/// with it returns nothing. Byzer returns a DataFrame without columns; DuckDB has no such table.
/// </summary>
public sealed class EmptyTableEt : EtPlugin
{
    public override string Name => "EmptyTable";

    public override string Description => "Produces no table, so a script ending with it returns nothing.";

    public override TableEntry? Run(EtContext context) => null;

    public override TableEntry? Train(EtContext context) => Run(context);
}
