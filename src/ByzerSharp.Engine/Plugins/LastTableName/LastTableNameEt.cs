using ByzerSharp.Diagnostics;
using ByzerSharp.Session;

namespace ByzerSharp.Plugins.LastTableName;

/// <summary><c>!lastTableName</c>: stores the name of the previous statement's table in <c>${__last_table_name__}</c>.</summary>
public sealed class LastTableNameEt : EtPlugin
{
    public const string Variable = "__last_table_name__";

    public override string Name => "LastTableName";

    public override string Description => "Sets ${__last_table_name__} to the name of the table the previous statement produced.";

    public override TableEntry? Run(EtContext context)
    {
        if (context.Session.LastTable is not { Name.Length: > 0 } last)
        {
            throw ByzerException.Semantic(
                "the previous statement produced no named table",
                context.Span,
                "put !lastTableName right after a load, select, run or !command");
        }
        context.Session.Variables.Put(new Session.Variable(Variable, last.Name));
        return null;
    }

    public override TableEntry? Train(EtContext context) => Run(context);
}
