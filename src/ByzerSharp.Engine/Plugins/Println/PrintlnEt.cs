using ByzerSharp.Session;

namespace ByzerSharp.Plugins.Println;

/// <summary><c>!println '''text'''</c>: writes its arguments, space-separated, as one line to <see cref="ByzerOptions.Log"/>.</summary>
public sealed class PrintlnEt : EtPlugin
{
    public override string Name => "Println";

    public override string Description => "Writes its arguments as one line to the engine log (the CLI's standard error); returns no table.";

    public override TableEntry? Run(EtContext context)
    {
        var log = context.Session.Options.Log;
        log.WriteLine(string.Join(" ", context.Args));
        log.Flush();
        return null;
    }

    public override TableEntry? Train(EtContext context) => Run(context);
}
