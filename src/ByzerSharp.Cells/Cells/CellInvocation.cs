using ByzerSharp.Cells.Python;
using ByzerSharp.Diagnostics;
using ByzerSharp.Plugins;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Text;

namespace ByzerSharp.Cells;

/// <summary>
/// One C# cell call, whichever way it was written: a <c>#%csharp</c> cell,
/// <c>!csharp on t '''code''' named out</c>, or <c>run command as CSharp.`` where inputTable=…
/// and outputTable=… and code='''…'''</c>. Settings are merged lowest first: <c>!python conf</c>,
/// then the cell's headers or the where options.
/// </summary>
internal sealed record CellInvocation(
    string Code,
    SourceSpan CodeSpan,
    TableEntry Input,
    string OutputName,
    IReadOnlyDictionary<string, string> Conf,
    Func<string, SourceSpan> SpanOf)
{
    /// <summary>Keys that only meant something to Byzer's Python runner.</summary>
    private static readonly string[] NotApplicable = ["env", "pythonExec", "pythonVersion", "PYTHON_ENV", "py_executor_memory", "num_gpus"];

    private static readonly HashSet<string> Structural = new(StringComparer.OrdinalIgnoreCase) { "code", "inputTable", "outputTable", "parameters" };

    public static CellInvocation From(EtContext context)
    {
        var session = context.Session;
        string code;
        SourceSpan codeSpan;
        var input = context.Input;
        var output = context.OutputName;
        switch (context.Statement)
        {
            case CSharpCellStatement cell:
                code = cell.Code;
                codeSpan = cell.CodeSpan;
                break;
            case CommandStatement command:
                (code, codeSpan, input) = FromCommand(context, command);
                break;
            default:
                code = context.Options.Require("code", "code is required: the C# to run");
                codeSpan = Unquoted(context.Options.SpanOf("code"));
                if (context.Options.Get("inputTable") is { } inputName)
                {
                    input = session.Catalog.Get(inputName, context.Options.SpanOf("inputTable"));
                }
                output = context.Options.Get("outputTable") ?? output;
                break;
        }
        var conf = PythonConf.Conf(session);
        foreach (var key in context.Options.Keys.Where(k => !Structural.Contains(k)))
        {
            conf[key] = context.Options.Get(key)!;
        }
        foreach (var key in NotApplicable.Where(k => context.Options.Has(k)))
        {
            session.Warn(
                $"{key} is not applicable: C# cells run inside ByzerSharp, not in a Python environment",
                context.Options.SpanOf(key),
                "the setting is ignored; remove it once the script only targets ByzerSharp");
            conf.Remove(key);
        }
        return new CellInvocation(code, codeSpan, input, output, conf, context.Options.SpanOf);
    }

    /// <summary><c>!csharp on &lt;table&gt; '''code'''</c> or <c>!csharp '''code'''</c> (named is taken by the command executor).</summary>
    private static (string, SourceSpan, TableEntry) FromCommand(EtContext context, CommandStatement command)
    {
        var args = context.Args;
        if (args.Count == 3 && args[0] == "on")
        {
            return (args[2], Unquoted(context.ArgSpan(2)), context.Session.Catalog.Get(args[1], context.ArgSpan(1)));
        }
        if (args.Count == 1)
        {
            return (args[0], Unquoted(context.ArgSpan(0)), context.Input);
        }
        throw ByzerException.Semantic(
            "!csharp takes the code, optionally after 'on <table>'",
            command.Span,
            "write !csharp on t '''context.Foreach(row => row);''' named out;");
    }

    /// <summary>The code inside its quotes, so compile errors land on the code's own columns.</summary>
    private static SourceSpan Unquoted(SourceSpan written)
    {
        var text = written.Text;
        var quote = text.StartsWith("'''", StringComparison.Ordinal) ? 3 : text.Length > 0 && text[0] is '\'' or '"' or '`' ? 1 : 0;
        return quote == 0 ? written : written.Slice(quote, written.Length - 2 * quote);
    }
}
