using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.Plugins.ShowTableExt;

/// <summary><c>!desc t</c>: the table's schema in Spark's DESCRIBE shape (col_name, data_type, comment).</summary>
public sealed class ShowTableExtEt : EtPlugin
{
    public override string Name => "ShowTableExt";

    public override string Description => "Describes a table: one row per column with its Spark type name.";

    public override IReadOnlyList<EtOption> Options =>
    [
        new("parameters", "JSON array holding the table name, e.g. [\"t\"] (what !desc t passes)", Required: true),
    ];

    public override TableEntry? Run(EtContext context)
    {
        if (context.Args.Count != 1)
        {
            throw ByzerException.Semantic(
                context.Args.Count == 0 ? "!desc needs a table name" : $"!desc takes one table name, got {context.Args.Count} arguments",
                context.ArgSpan(context.Args.Count == 0 ? 0 : 1),
                "usage: !desc <table>;");
        }
        var table = context.Session.Catalog.Get(context.Args[0], context.ArgSpan(0));
        var columns = context.Session.Database.Describe("SELECT * FROM " + Catalog.From(table), context.Span);
        return context.DefineRows(
            [new RowColumn("col_name"), new RowColumn("data_type"), new RowColumn("comment")],
            columns.Select(c => (IReadOnlyList<object?>)[c.Name, c.SparkType, null]));
    }

    public override TableEntry? Train(EtContext context) => Run(context);
}
