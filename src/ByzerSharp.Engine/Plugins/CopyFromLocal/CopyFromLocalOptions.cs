using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.Plugins.CopyFromLocal;

/// <summary>
/// The source and destination of a copy, from either spelling:
/// <c>!copyFromLocal src dst</c> or <c>run command as CopyFromLocal.`dst` where src="src"</c>.
/// <see cref="Destination"/> still needs the home prefix when it comes from the arguments.
/// </summary>
public sealed record CopyFromLocalOptions(string Source, SourceSpan? SourceSpan, string Destination, SourceSpan? DestinationSpan, bool DestinationResolved, bool Overwrite)
{
    public static CopyFromLocalOptions Parse(EtContext context)
    {
        var overwrite = context.Options.GetBool("force", false);
        if (context.Path.Length > 0)
        {
            var src = context.Options.Require("src");
            return new CopyFromLocalOptions(src, context.Options.SpanOf("src"), context.Path, context.Span, true, overwrite);
        }
        var args = context.Args.Where(a => a != "-f").ToList();
        overwrite |= args.Count != context.Args.Count;
        if (args.Count != 2)
        {
            throw ByzerException.Semantic(
                $"!copyFromLocal takes a source and a destination, got {args.Count} arguments",
                context.ArgSpan(Math.Min(args.Count, 2)),
                "usage: !copyFromLocal [-f] /local/source /destination;");
        }
        var srcIndex = context.Args.ToList().IndexOf(args[0]);
        var dstIndex = context.Args.ToList().LastIndexOf(args[1]);
        return new CopyFromLocalOptions(args[0], context.ArgSpan(srcIndex), args[1], context.ArgSpan(dstIndex), false, overwrite);
    }
}
