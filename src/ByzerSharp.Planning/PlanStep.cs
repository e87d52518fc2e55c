using ByzerSharp.Syntax.Ast;

namespace ByzerSharp.Planning;

/// <summary>
/// One operation of a plan. Each step keeps its statement's name (LoadStatement → PlanLoad →
/// LoadExecutor) and says which executor runs it.
/// </summary>
public abstract record PlanStep(Statement Statement, string Executor)
{
    /// <summary>One line for <c>byzer explain</c>; stable across runs.</summary>
    public abstract string Describe();
}

public sealed record PlanLoad(LoadStatement Load, string Executor) : PlanStep(Load, Executor)
{
    public override string Describe() => $"Load {Load.Format.Text} `{Load.Path.Text}`{PlanText.Options(Load.Options)} -> {Load.TableName.Text}";
}

public sealed record PlanSave(SaveStatement Save, string Executor) : PlanStep(Save, Executor)
{
    public override string Describe() =>
        $"Save {Save.Mode.ToString().ToLowerInvariant()} {Save.TableName.Text} -> {Save.Format.Text} `{Save.Path.Text}`{PlanText.Options(Save.Options)}"
        + (Save.PartitionBy.Count > 0 ? " partitionBy " + string.Join(",", Save.PartitionBy.Select(p => p.Text)) : "");
}

public sealed record PlanSelect(SelectStatement Select) : PlanStep(Select, "duckdb")
{
    public override string Describe() => $"Select -> {Select.TableName.Text}: {PlanText.OneLine(Select.Query.Text)}";
}

public sealed record PlanSql(SqlStatement Sql) : PlanStep(Sql, "duckdb")
{
    public override string Describe() => $"Sql {Sql.Keyword}: {PlanText.OneLine(Sql.Text[Sql.Keyword.Length..])}";
}

public sealed record PlanSet(SetStatement Set) : PlanStep(Set, "session")
{
    public override string Describe()
    {
        var type = Set.Options.Get("type") ?? "text";
        return $"Set {Set.Key} ({type}) = {PlanText.OneLine(Set.Value)}";
    }
}

public sealed record PlanConnect(ConnectStatement Connect) : PlanStep(Connect, "session")
{
    public override string Describe() =>
        $"Connect {Connect.Format.Text}{PlanText.Options(Connect.Options)}" + (Connect.ConnectionName is { } n ? " as " + n.Text : "");
}

public sealed record PlanTrain(TrainStatement Train, string EtName) : PlanStep(Train, "et")
{
    public override string Describe() =>
        $"{Train.Kind} {Train.InputTable.Text} with {EtName} `{Train.Path.Text}`{PlanText.Options(Train.Options)}"
        + (Train.OutputTable is { } o ? " -> " + o.Text : "");
}

public sealed record PlanRegister(RegisterStatement Register, string EtName) : PlanStep(Register, "et")
{
    public override string Describe() =>
        $"Register {EtName} `{Register.Path.Text}` as function {Register.FunctionName.Text}{PlanText.Options(Register.Options)}";
}

public sealed record PlanUnregister(UnregisterStatement Unregister) : PlanStep(Unregister, "session")
{
    public override string Describe() => $"Unregister {Unregister.Module.Text} `{Unregister.Path.Text}`";
}

public sealed record PlanCommand(CommandStatement Command, CommandTarget Target) : PlanStep(Command, Target.IsMacro ? "macro" : "et")
{
    public override string Describe() =>
        (Target.IsMacro ? $"Macro !{Command.Name.Text}" : $"Command !{Command.Name.Text} via {Target.Target}")
        + (Command.Args.Count > 0 ? " " + string.Join(" ", Command.Args.Select(a => PlanText.Quote(a.Text))) : "");
}

/// <summary>A <c>#%csharp</c> cell, run by the ET <see cref="EtName"/> (the CSharp ET of the csharp-cells extension).</summary>
public sealed record PlanCSharpCell(CSharpCellStatement Cell, string EtName) : PlanStep(Cell, "et")
{
    public override string Describe()
    {
        var headers = string.Concat(Cell.Headers.Select(h => $" {h.Key}={PlanText.Quote(h.Value)}"));
        var lines = Cell.Code.Split('\n').Length;
        return $"CSharpCell{headers} ({lines} lines of C#)";
    }
}
