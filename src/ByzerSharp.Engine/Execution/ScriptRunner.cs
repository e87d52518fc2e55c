using ByzerSharp.Diagnostics;
using ByzerSharp.Execution.Executors;
using ByzerSharp.Planning;
using ByzerSharp.Results;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Syntax.Parsing;
using ByzerSharp.Text;

namespace ByzerSharp.Execution;

/// <summary>
/// The pipeline for one script:
/// parse → expand includes → preprocess (assign plain sets, expand macros) → plan → execute.
/// Planning covers the whole script, so unknown formats, ETs and commands fail before anything runs.
/// </summary>
internal sealed class ScriptRunner(ByzerSession session)
{
    private const int MaxMacroDepth = 10;

    public ScriptResult Run(SourceFile file, CancellationToken cancellationToken)
    {
        session.ClearWarnings();
        var plan = Prepare(file);
        foreach (var step in plan.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            session.LastTable = ExecuteStep(step);
        }
        var table = session.LastTable is { } last
            ? session.Database.Query("SELECT * FROM " + Catalog.From(last), last.Name, last.DefinedAt, session.Options.ResultLimit > 0 ? session.Options.ResultLimit : null)
            : null;
        return new ScriptResult(table, session.Warnings.ToList());
    }

    public Plan Explain(SourceFile file) => Prepare(file);

    private Plan Prepare(SourceFile file)
    {
        var script = ScriptParser.Parse(file);
        var statements = new IncludeExpander(session).Expand(script.Statements);
        statements = Preprocess(statements, 0);
        return new Planner(new SessionPlanCatalog(session)).Plan(statements);
    }

    /// <summary>
    /// Byzer's preprocess stage: plain sets are assigned in order (so a macro sees them) and user
    /// macros are replaced by the statements they expand to.
    /// </summary>
    private List<Statement> Preprocess(IReadOnlyList<Statement> statements, int depth)
    {
        var result = new List<Statement>(statements.Count);
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case SetStatement set:
                    Guard(set, () => SetExecutor.Execute(session, set, preprocess: true));
                    result.Add(set);
                    break;
                case CommandStatement command when session.Variables.TryGet(command.Name.Text, out var macro):
                    if (depth >= MaxMacroDepth)
                    {
                        throw ByzerException.Semantic($"macros nest deeper than {MaxMacroDepth} levels", command.Span, "a macro probably expands to itself");
                    }
                    var expanded = MacroExpander.Expand(session, command, macro.Value);
                    result.AddRange(Preprocess(new IncludeExpander(session).Expand(expanded), depth + 1));
                    break;
                default:
                    result.Add(statement);
                    break;
            }
        }
        return result;
    }

    private TableEntry? ExecuteStep(PlanStep step)
    {
        TableEntry? table = null;
        Guard(step.Statement, () =>
        {
            table = step switch
            {
                PlanLoad s => LoadExecutor.Execute(session, s),
                PlanSave s => SaveExecutor.Execute(session, s),
                PlanSelect s => SelectExecutor.Execute(session, s),
                PlanSql s => SqlExecutor.Execute(session, s),
                PlanSet s => SetAndReturnNull(s),
                PlanConnect s => ConnectAndReturnNull(s),
                PlanTrain s => TrainExecutor.Execute(session, s),
                PlanRegister s => RegisterExecutor.Execute(session, s),
                PlanUnregister s => UnregisterAndReturnNull(s),
                PlanCommand s => CommandExecutor.Execute(session, s),
                _ => throw new InvalidOperationException("no executor for " + step.GetType().Name),
            };
        });
        return table;
    }

    private TableEntry? SetAndReturnNull(PlanSet step)
    {
        SetExecutor.Execute(session, step.Set, preprocess: false);
        return null;
    }

    private TableEntry? ConnectAndReturnNull(PlanConnect step)
    {
        ConnectExecutor.Execute(session, step);
        return null;
    }

    private TableEntry? UnregisterAndReturnNull(PlanUnregister step)
    {
        RegisterExecutor.Execute(session, step);
        return null;
    }

    /// <summary>
    /// Every failure leaves here as a <see cref="ByzerException"/> located at the statement:
    /// I/O and engine errors become runtime errors, anything else is an internal error.
    /// </summary>
    private static void Guard(Statement statement, Action action)
    {
        try
        {
            action();
        }
        catch (ByzerException e)
        {
            throw e.WithSpan(statement.Span);
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            throw DuckDb.Database.Translate(e, statement.Span);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ByzerException.Runtime(e.Message, statement.Span, null, e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new ByzerException(ErrorKind.Runtime, $"internal error in {statement.Keyword}: {e.GetType().Name}: {e.Message}", statement.Span,
                "this is a bug in ByzerSharp; please report it with the script", e);
        }
    }
}
