using ByzerSharp.Cells.Runtime;
using ByzerSharp.Cells.Schemas;
using ByzerSharp.Cells.Tables;
using ByzerSharp.Diagnostics;
using ByzerSharp.Plugins;
using ByzerSharp.Session;
using ByzerSharp.Torch;

namespace ByzerSharp.Cells;

/// <summary>
/// Runs C# cell code (see <see cref="CellInvocation"/> for the three ways to call it) on the
/// in-process runtime and defines the output table with the declared schema.
/// </summary>
public sealed class CSharpEt : EtPlugin
{
    public override string Name => "CSharp";

    public override string Description => "Runs C# cell code with a Ray-like context: run command as CSharp.`` where inputTable=\"t\" and outputTable=\"out\" and code='''…'''";

    public override bool UsesPathPrefix => false;

    public override IReadOnlyList<EtOption> Options =>
    [
        new("code", "The C# (top-level statements; `context` is the cell's CellContext)", Required: true),
        new("inputTable", "The table the cell reads", Default: "command"),
        new("outputTable", "The table the cell defines"),
        new("schema", "Output schema: st(field(a,long),…), Spark JSON, DDL or file (also !python conf \"schema=…\")"),
        new("dataMode", "data or model (informative: the cell's calls decide)"),
        new("workers", "Worker threads (default: the machine's cores)"),
    ];

    public override TableEntry? Train(EtContext context) => Execute(context, CellInvocation.From(context));

    internal static TableEntry Execute(EtContext context, CellInvocation call)
    {
        var session = context.Session;
        var schemaText = call.Conf.GetValueOrDefault("schema") ?? throw ByzerException.Semantic(
            "a C# cell needs an output schema",
            context.Statement is Syntax.Ast.CSharpCellStatement cell ? cell.KindSpan : context.Span,
            "add the header #%schema=st(field(name,type),…) (or file), or run !python conf \"schema=…\" first");
        var schema = CellSchema.Parse(schemaText, call.SpanOf("schema"));
        var workers = call.Conf.TryGetValue("workers", out var w) && int.TryParse(w, out var n) && n > 0 ? n : Environment.ProcessorCount;
        var isFileInput = Describe(session, call.Input).SequenceEqual(["start", "offset", "value"]);
        // Byzer serves a file table from one data server, so its chunks stay in stream order.
        var partitions = isFileInput ? 1 : call.Input.PartitionCount ?? workers;
        var assembly = CellCompiler.CompileProgram(call.Code, call.CodeSpan, context.Span);
        var usesTorch = CellCompiler.UsesTorch(assembly);
        if (usesTorch)
        {
            TorchRuntime.EnsureLoaded();
        }
        var name = call.OutputName.Length == 32 && call.OutputName.All(char.IsAsciiHexDigitLower) ? $"at line {call.CodeSpan.Line}" : $"'{call.OutputName}'";
        using var runtime = new InProcessRuntime(workers)
        {
            ActorsSpawned = usesTorch ? actors => TorchThreads.Share(workers, actors) : null,
        };
        using var output = new OutputTable(session, session.Catalog.NewDuckName(call.OutputName), schema);
        var cellContext = new CellContext(call.OutputName, new TableReader(session, call.Input), partitions, call.Conf, schema, runtime, session.ScratchDirectory, output);
        try
        {
            if (usesTorch)
            {
                TorchThreads.Share(workers, 1);
            }
            using (CellContext.Enter(cellContext))
            {
                CellCompiler.Run(assembly);
            }
            output.Commit();
            var table = new TableEntry(call.OutputName, output.DuckName, TableKind.Table, context.Span) { Origin = "csharp cell" };
            table = session.DefineAlias(call.OutputName, table, context.Span);
            return session.SetPartitions(table, partitions);
        }
        catch (Exception e) when (e is not ByzerException and not OperationCanceledException)
        {
            throw CellFailure.From(e, name, call.CodeSpan, context.Span);
        }
        finally
        {
            if (usesTorch)
            {
                TorchThreads.Share(workers, 1);
            }
        }
    }

    private static IEnumerable<string> Describe(ByzerSession session, TableEntry table) =>
        session.Database.Describe(Catalog.From(table)).Select(c => c.Name.ToLowerInvariant());
}
