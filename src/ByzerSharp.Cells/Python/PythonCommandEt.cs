using ByzerSharp.Diagnostics;
using ByzerSharp.Plugins;
using ByzerSharp.Session;

namespace ByzerSharp.Cells.Python;

/// <summary>
/// <c>!python conf "k=v"</c> and <c>!python env "K=V"</c> (Byzer's PythonCommand), kept so that
/// existing scripts run unchanged: the settings apply to C# cells and register Ray.
/// </summary>
public sealed class PythonCommandEt : EtPlugin
{
    public override string Name => "PythonCommand";

    public override string Description => "Stores cell settings: !python conf \"schema=…\", !python env \"K=V\" (they apply to C# cells)";

    public override bool UsesPathPrefix => false;

    public override TableEntry? Train(EtContext context)
    {
        var args = context.Args;
        if (args.Count != 2 || args[0] is not ("conf" or "env"))
        {
            throw ByzerException.Semantic(
                args.Count == 0 ? "!python needs conf or env and a \"key=value\"" : $"!python {string.Join(" ", args)} is not supported",
                context.ArgSpan(0),
                "write !python conf \"schema=st(field(a,long))\" or !python env \"KEY=value\"");
        }
        var eq = args[1].IndexOf('=');
        if (eq <= 0)
        {
            throw ByzerException.Semantic($"'{args[1]}' is not key=value", context.ArgSpan(1), "write !python conf \"dataMode=model\"");
        }
        var key = args[1][..eq].Trim();
        var value = args[1][(eq + 1)..].Trim();
        if (args[0] == "conf")
        {
            PythonConf.SetConf(context.Session, key, value);
        }
        else
        {
            PythonConf.SetEnv(context.Session, key, value);
            context.Session.Warn(
                $"!python env {key} is not applicable: C# cells run inside ByzerSharp, without a Python environment",
                context.ArgSpan(1),
                "the setting is kept (C# code can read it through context.Conf only if set with !python conf)");
        }
        return null;
    }
}
