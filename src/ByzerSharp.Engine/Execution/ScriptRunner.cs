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

    public ScriptResult Run(SourceFile file, bool newRequest, CancellationToken cancellationToken)
    {
        session.ClearWarnings();
        var plan = Prepare(file, newRequest);
        foreach (var step in plan.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            session.LastTable = ExecuteStep(step);
            session.Options.OnStatementExecuted?.Invoke(new StatementTiming(step.Statement, System.Diagnostics.Stopwatch.GetElapsedTime(started)));
        }
        var table = session.LastTable is { } last
            ? session.Database.Query("SELECT * FROM " + Catalog.From(last), last.Name, last.DefinedAt, session.Options.ResultLimit > 0 ? session.Options.ResultLimit : null)
            : null;
        return new ScriptResult(table, session.Warnings.ToList());
    }

    public Plan Explain(SourceFile file, bool newRequest) => Prepare(file, newRequest);

    private Plan Prepare(SourceFile file, bool newRequest)
    {
        if (newRequest)
        {
            session.BeginRequest();
        }
        var script = ScriptParser.Parse(file);
        var root = File.Exists(file.Path) ? [System.IO.Path.GetFullPath(file.Path)] : new List<string>();
        var statements = Preprocess(script.Statements, new Expansion(root, []));
        return new Planner(new SessionPlanCatalog(session)).Plan(statements);
    }

    /// <summary>Where the preprocess walk is: the chain of included files and of expanding macros.</summary>
    private sealed record Expansion(IReadOnlyList<string> Includes, IReadOnlyList<string> Macros, CommandStatement? OutermostMacro = null);

    /// <summary>
    /// Byzer's include and preprocess stages in one walk: includes are replaced by the included
    /// statements, sets are assigned in order (so macros and includes after them see them, and
    /// statements before them see them when the script executes), and user macros are replaced
    /// by the statements they expand to. Included and expanded statements are walked the same way.
    /// </summary>
    private List<Statement> Preprocess(IReadOnlyList<Statement> statements, Expansion at)
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
                case IncludeStatement include:
                    var (included, full) = Guard(include, () => new IncludeExpander(session).Expand(include, at.Includes));
                    result.AddRange(Preprocess(included, at with { Includes = [.. at.Includes, full] }));
                    break;
                case CommandStatement command when session.Variables.TryGet(command.Name.Text, out var macro):
                    var chain = at.Macros.Append("!" + command.Name.Text).ToList();
                    if (at.Macros.Count >= MaxMacroDepth)
                    {
                        // Reported at the command the script wrote, not ten expansions deep.
                        throw ByzerException.Semantic(
                            $"macros nest deeper than {MaxMacroDepth} levels: {string.Join(" -> ", chain)}",
                            (at.OutermostMacro ?? command).Span,
                            "a macro probably expands to itself");
                    }
                    var expanded = Guard(command, () => MacroExpander.Expand(session, command, macro.Value));
                    result.AddRange(Preprocess(expanded, at with { Macros = chain, OutermostMacro = at.OutermostMacro ?? command }));
                    break;
                default:
                    result.Add(statement);
                    break;
            }
        }
        return result;
    }

    private static T Guard<T>(Statement statement, Func<T> action)
    {
        T value = default!;
        Guard(statement, () => { value = action(); });
        return value;
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
                PlanCSharpCell s => CSharpCellExecutor.Execute(session, s),
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
