using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Syntax.Parsing;

namespace ByzerSharp.Planning;

/// <summary>
/// Binds each statement to the executor that will run it and rejects what can never run
/// (unknown formats, ETs, commands) before anything executes. Includes and macros have been
/// expanded by the time statements get here.
/// </summary>
public sealed class Planner(IPlanCatalog catalog)
{
    public PlanStep PlanStatement(Statement statement) => statement switch
    {
        LoadStatement s => new PlanLoad(s, DataSource(s.Format, load: true)),
        SaveStatement s => new PlanSave(s, DataSource(s.Format, load: false)),
        SelectStatement s => new PlanSelect(s),
        SqlStatement s => new PlanSql(s),
        SetStatement s => new PlanSet(s),
        ConnectStatement s => new PlanConnect(s),
        TrainStatement s => new PlanTrain(s, Et(s.Module)),
        RegisterStatement s => new PlanRegister(s, Et(s.Module)),
        UnregisterStatement s => new PlanUnregister(s),
        CommandStatement s => new PlanCommand(s, Command(s)),
        CSharpCellStatement s => new PlanCSharpCell(s, CellEt(s)),
        IncludeStatement s => throw ByzerException.Semantic("include must be expanded before planning", s.Span),
        _ => throw new InvalidOperationException("no plan step for " + statement.GetType().Name),
    };

    public Plan Plan(IEnumerable<Statement> statements) => new(statements.Select(PlanStatement).ToList());

    private string DataSource(Identifier format, bool load)
    {
        if (catalog.DataSourceExecutor(format.Text) is { } executor)
        {
            return executor;
        }
        var suggestion = Suggest.Closest(format.Text, catalog.DataSourceNames);
        throw ByzerException.Semantic(
            $"unknown data source format '{format.Text}'",
            format.Span,
            suggestion is not null
                ? $"did you mean '{suggestion}'?"
                : $"known formats: {string.Join(", ", catalog.DataSourceNames.Order(StringComparer.OrdinalIgnoreCase))}");
    }

    private string Et(Identifier module)
    {
        if (catalog.EtName(module.Text) is { } name)
        {
            return name;
        }
        var suggestion = Suggest.Closest(module.Text, catalog.EtNames);
        throw ByzerException.Semantic(
            $"{module.Text} is not found",
            module.Span,
            (suggestion is not null ? $"did you mean '{suggestion}'? " : "")
                + $"known ETs: {string.Join(", ", catalog.EtNames.Order(StringComparer.OrdinalIgnoreCase))}");
    }

    /// <summary>C# cells run through the CSharp ET, which only the csharp-cells extension provides.</summary>
    private string CellEt(CSharpCellStatement cell) =>
        catalog.EtName("CSharp") ?? throw ByzerException.Semantic(
            "C# cells need the csharp-cells extension, which this engine does not load",
            cell.KindSpan,
            "add ByzerSharp.Cells.CellsExtension to the engine options (the byzer command loads it)");

    private CommandTarget Command(CommandStatement command)
    {
        if (catalog.Command(command.Name.Text) is { } target)
        {
            return target;
        }
        var suggestion = Suggest.Closest(command.Name.Text, catalog.CommandNames);
        throw ByzerException.Semantic(
            $"Command `{command.Name.Text}` is not found.",
            command.Name.Span,
            suggestion is not null ? $"did you mean '!{suggestion}'?" : "define a macro with set, or run !show commands to list the built-in ones");
    }
}
