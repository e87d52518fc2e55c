using ByzerSharp.Session;

namespace ByzerSharp;

/// <summary>Settings for an engine and the sessions it creates.</summary>
public sealed class ByzerOptions
{
    /// <summary>The home prefix applied to paths (Byzer's defaultPathPrefix). Empty: paths are used as written.</summary>
    public string Home { get; set; } = "";

    /// <summary>The OWNER variable.</summary>
    public string Owner { get; set; } = Environment.UserName is { Length: > 0 } u ? u : "anonymous";

    /// <summary>Variables defined before the script runs (the CLI's --var k=v).</summary>
    public IDictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Settings (Spark conf style), e.g. streaming.datalake.path.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The session time zone (Spark's spark.sql.session.timeZone); null uses the machine's.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Extensions (Delta, images, C#, …) that add data sources, ETs and commands.</summary>
    public IList<IByzerExtension> Extensions { get; } = new List<IByzerExtension>();

    /// <summary>At most this many rows of the last table are returned (Byzer's outputSize); 0 returns all.</summary>
    public int ResultLimit { get; set; } = 5000;

    public IProgressSink Progress { get; set; } = NullProgressSink.Instance;

    /// <summary>Where warnings go as they happen (they are also returned with the result).</summary>
    public Action<Diagnostics.Diagnostic>? OnWarning { get; set; }

    /// <summary>
    /// Called after each statement has run, with its wall-clock time: how a benchmark or a profiler sees where a
    /// script spends its time (the preprocess and planning of the whole script are not included).
    /// </summary>
    public Action<Results.StatementTiming>? OnStatementExecuted { get; set; }

    /// <summary>Where commands that print (e.g. !println) write; defaults to nothing.</summary>
    public TextWriter Log { get; set; } = TextWriter.Null;

    /// <summary>Folder for session scratch files; a fresh folder under the system temp dir by default.</summary>
    public string? ScratchDirectory { get; set; }

    public ByzerOptions Use(IByzerExtension extension)
    {
        Extensions.Add(extension);
        return this;
    }
}
