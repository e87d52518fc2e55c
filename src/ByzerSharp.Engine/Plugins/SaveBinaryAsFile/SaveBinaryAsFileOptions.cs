using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using ByzerSharp.Text;

namespace ByzerSharp.Plugins.SaveBinaryAsFile;

/// <summary>
/// The input table and file of a save, from <c>run t as SaveBinaryAsFile.`` where filePath="/p"</c>
/// or from the command <c>!saveFile _ -i t -o /p</c> (Byzer's named-argument form).
/// </summary>
public sealed record SaveBinaryAsFileOptions(TableEntry Input, string FilePath, SourceSpan? FileSpan)
{
    public static SaveBinaryAsFileOptions Parse(EtContext context)
    {
        if (context.Args.Count == 0)
        {
            var path = context.Options.Require("filePath");
            return new SaveBinaryAsFileOptions(context.Input, path, context.Options.SpanOf("filePath"));
        }
        var args = context.Args;
        if (args[0] != "_" || args.Count != 5)
        {
            throw ByzerException.Semantic("!saveFile expects named arguments: _ -i <table> -o <file>", context.ArgSpan(0), "usage: !saveFile _ -i t -o /tmp/file.bin;");
        }
        string? table = null;
        string? file = null;
        var fileIndex = 0;
        for (var i = 1; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "-i":
                    table = args[i + 1];
                    break;
                case "-o":
                    file = args[i + 1];
                    fileIndex = i + 1;
                    break;
                default:
                    throw ByzerException.Semantic($"!saveFile does not know the argument {args[i]}", context.ArgSpan(i), "usage: !saveFile _ -i t -o /tmp/file.bin;");
            }
        }
        if (table is null || file is null)
        {
            throw ByzerException.Semantic(table is null ? "-i is required" : "-o is required", context.Span, "usage: !saveFile _ -i t -o /tmp/file.bin;");
        }
        var input = context.Session.Catalog.Get(table, context.ArgSpan(Array.IndexOf(args.ToArray(), "-i") + 1));
        return new SaveBinaryAsFileOptions(input, file, context.ArgSpan(fileIndex));
    }
}
