using ByzerSharp.Results;
using ByzerSharp.Session;

namespace ByzerSharp;

/// <summary>
/// The embedding entry point.
/// <code>
/// using var engine = new ByzerEngine();
/// using var session = engine.CreateSession();
/// var result = session.Run("load csv.`/data/a.csv` where header=\"true\" as a; select count(*) as n from a as t;");
/// </code>
/// </summary>
public sealed class ByzerEngine : IDisposable
{
    private readonly ExtensionRegistry _registry = new();

    public ByzerEngine(ByzerOptions? options = null)
    {
        Options = options ?? new ByzerOptions();
        Builtins.Register(_registry);
        foreach (var extension in Options.Extensions)
        {
            extension.Register(_registry);
        }
    }

    public ByzerOptions Options { get; }

    /// <summary>A new session with its own tables and variables.</summary>
    public ByzerSession CreateSession() => new(Options, _registry);

    /// <summary>Runs a script in a fresh session and returns its last table.</summary>
    public ScriptResult Run(string script, string path = "<script>")
    {
        using var session = CreateSession();
        return session.Run(script, path);
    }

    public void Dispose()
    {
    }
}
