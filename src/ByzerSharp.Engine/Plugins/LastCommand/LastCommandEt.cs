using ByzerSharp.Diagnostics;
using ByzerSharp.Session;

namespace ByzerSharp.Plugins.LastCommand;

/// <summary><c>!lastCommand named t</c>: gives the previous !command's result a name (e.g. after <c>!hdfs -ls /tmp</c>).</summary>
public sealed class LastCommandEt : EtPlugin
{
    public override string Name => "LastCommand";

    public override string Description => "Names the result of the previous !command: !lastCommand named t;";

    public override TableEntry? Run(EtContext context)
    {
        if (context.Session.LastCommandTable is not { } last)
        {
            throw ByzerException.Semantic("no !command has produced a table yet", context.Span, "run a command first, e.g. !hdfs -ls /tmp; then !lastCommand named files;");
        }
        return context.Session.DefineAlias(context.OutputName, last, context.Span);
    }

    public override TableEntry? Train(EtContext context) => Run(context);
}
