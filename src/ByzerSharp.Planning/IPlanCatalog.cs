namespace ByzerSharp.Planning;

/// <summary>What the planner may ask about the session's registries. Implemented by the engine.</summary>
public interface IPlanCatalog
{
    /// <summary>The executor that loads/saves this format ("duckdb", "files", "delta", …), or null when unknown.</summary>
    string? DataSourceExecutor(string format);

    /// <summary>The canonical name of an ET (TableRepartition for tableRepartition), or null when unknown.</summary>
    string? EtName(string name);

    /// <summary>How a !command resolves: a user macro, or the ET a built-in command runs. Null when unknown.</summary>
    CommandTarget? Command(string name);

    IEnumerable<string> DataSourceNames { get; }

    IEnumerable<string> EtNames { get; }

    IEnumerable<string> CommandNames { get; }
}

/// <summary>A resolved !command: either a user macro (a variable holding statement text) or a built-in.</summary>
public sealed record CommandTarget(bool IsMacro, string Target);
