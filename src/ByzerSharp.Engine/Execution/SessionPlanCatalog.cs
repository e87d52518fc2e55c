using ByzerSharp.Planning;
using ByzerSharp.Session;

namespace ByzerSharp.Execution;

/// <summary>Answers the planner's questions from the session's registries and variables.</summary>
internal sealed class SessionPlanCatalog(ByzerSession session) : IPlanCatalog
{
    public string? DataSourceExecutor(string format) => session.FindDataSource(format)?.Executor;

    public string? EtName(string name) => session.FindEt(name)?.Name;

    public CommandTarget? Command(string name)
    {
        // Like Byzer, a variable with the command's name is a user macro and shadows built-ins.
        if (session.Variables.Contains(name))
        {
            return new CommandTarget(true, name);
        }
        return session.FindCommand(name) is { } builtin ? new CommandTarget(false, builtin.EtName) : null;
    }

    public IEnumerable<string> DataSourceNames => session.DataSources.Select(d => d.Name);

    public IEnumerable<string> EtNames => session.Ets.Select(e => e.Name);

    public IEnumerable<string> CommandNames => session.Commands.Select(c => c.Name);
}
