using ByzerSharp.Commands;
using ByzerSharp.DataSources;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Execution;
using ByzerSharp.Plugins;
using ByzerSharp.Results;
using ByzerSharp.Text;

namespace ByzerSharp.Session;

/// <summary>
/// One interpreter session: the DuckDB database with the table catalog, variables, settings,
/// connections, registered functions and the registries of formats, ETs and commands.
/// Scripts run in a session one after another (the REPL keeps one for its lifetime).
/// </summary>
public sealed partial class ByzerSession : IDisposable
{
    private readonly List<Diagnostic> _warnings = [];
    private readonly bool _ownsScratch;

    internal ByzerSession(ByzerOptions options, ExtensionRegistry registry)
    {
        Options = options;
        Registry = registry;
        Database = new Database(options.TimeZone);
        // Byzer names are published in their own schema so that pass-through SQL (insert, create)
        // can read them, while user-created DuckDB tables in main take precedence.
        Database.Execute("CREATE SCHEMA IF NOT EXISTS byzer");
        Database.Execute("SET search_path='main,byzer'");
        Variables = new VariableStore(options.Home, options.Owner, DateTimeOffset.Now, new Dictionary<string, string>(options.Variables));
        Templates = new TemplateRenderer(Variables);
        foreach (var (k, v) in options.Settings)
        {
            Settings[k] = v;
        }
        _ownsScratch = options.ScratchDirectory is null;
        ScratchDirectory = options.ScratchDirectory ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "byzer-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(ScratchDirectory);
        Paths = new PathResolver(options.Home);
        // Byzer's built-in one-row table used as the input of `run command as X.``…`.
        DefineTable("command", "SELECT 1 AS a", TableKind.View, null, "built-in");
        foreach (var init in registry.SessionInitializers)
        {
            init(this);
        }
    }

    public ByzerOptions Options { get; }

    internal ExtensionRegistry Registry { get; }

    public Database Database { get; }

    public Catalog Catalog { get; } = new();

    public VariableStore Variables { get; }

    public TemplateRenderer Templates { get; }

    public PathResolver Paths { get; }

    /// <summary>Settings made with <c>set k=v where type="conf"</c> and engine options (case-sensitive keys).</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Options stored by <c>connect fmt where … as name</c>, keyed by (format, name).</summary>
    public Dictionary<(string Format, string Name), IReadOnlyDictionary<string, string>> Connections { get; } = new(ConnectionKeyComparer.Instance);

    private readonly SortedDictionary<string, RegisteredFunction> _functions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Functions registered by register statements (and extensions), by name, case-insensitive.</summary>
    public IReadOnlyDictionary<string, RegisteredFunction> Functions => _functions;

    /// <summary>A private folder for scratch files, deleted with the session.</summary>
    public string ScratchDirectory { get; }

    public IProgressSink Progress => Options.Progress;

    public IReadOnlyList<Diagnostic> Warnings => _warnings;

    /// <summary>The table the last statement produced (what a script returns); null when it produced none.</summary>
    public TableEntry? LastTable { get; internal set; }

    public IEnumerable<IDataSource> DataSources => Registry.DataSources.Values;

    public IEnumerable<EtPlugin> Ets => Registry.Ets.Values;

    public IEnumerable<BuiltinCommand> Commands => Registry.Commands.Values;

    public void Warn(string message, SourceSpan? span, string? hint = null)
    {
        var d = new Diagnostic(Severity.Warning, message, span, hint);
        _warnings.Add(d);
        Options.OnWarning?.Invoke(d);
    }

    internal void ClearWarnings() => _warnings.Clear();

    /// <summary>
    /// Runs a script as a new request and returns its last table. Tables and session-scoped
    /// variables carry over from earlier runs; request-scoped variables do not (Byzer's rule).
    /// </summary>
    public ScriptResult Run(string text, string path = "<script>", CancellationToken cancellationToken = default) =>
        new ScriptRunner(this).Run(new SourceFile(path, text), newRequest: true, cancellationToken);

    /// <summary>
    /// Runs more statements as part of the current request, keeping its request-scoped variables:
    /// what the REPL and golden files do, since they feed one script a piece at a time.
    /// </summary>
    public ScriptResult Continue(string text, string path = "<script>", CancellationToken cancellationToken = default) =>
        new ScriptRunner(this).Run(new SourceFile(path, text), newRequest: false, cancellationToken);

    /// <summary>Parses, expands and plans a script without running it (for <c>byzer explain</c>).</summary>
    public Planning.Plan Explain(string text, string path = "<script>", bool newRequest = true) =>
        new ScriptRunner(this).Explain(new SourceFile(path, text), newRequest);

    /// <summary>Reads a table of the catalog.</summary>
    public ResultTable ReadTable(string name, int? maxRows = null)
    {
        var entry = Catalog.Get(name, null);
        return Database.Query("SELECT * FROM " + Catalog.From(entry), entry.Name, maxRows: maxRows);
    }

    /// <summary>
    /// Creates a new DuckDB object holding <paramref name="sql"/> (a query) and points
    /// <paramref name="name"/> at it. Earlier definitions stay alive for views that read them.
    /// </summary>
    public TableEntry DefineTable(string name, string sql, TableKind kind, SourceSpan? span, string origin)
    {
        var duckName = Catalog.NewDuckName(name);
        var verb = kind == TableKind.View ? "CREATE VIEW " : "CREATE TABLE ";
        Database.Execute(verb + Sql.Ident(duckName) + " AS " + sql, span);
        var entry = new TableEntry(name, duckName, kind, span) { Origin = origin };
        Catalog.Define(entry);
        PublishAlias(entry);
        return entry;
    }

    /// <summary>Points a name at an existing table entry (e.g. a table an executor built itself).</summary>
    public TableEntry DefineAlias(string name, TableEntry existing, SourceSpan? span)
    {
        var entry = existing with { Name = name, DefinedAt = span };
        Catalog.Define(entry);
        PublishAlias(entry);
        return entry;
    }

    /// <summary>Records the partition count (and how rows map to partitions) that later steps honour (TableRepartition).</summary>
    public TableEntry SetPartitions(TableEntry entry, int partitions, TablePartitioning? partitioning = null)
    {
        var updated = entry with { PartitionCount = partitions, Partitioning = partitioning ?? entry.Partitioning };
        Catalog.Define(updated);
        return updated;
    }

    public IDataSource? FindDataSource(string format) => Registry.DataSources.GetValueOrDefault(format);

    /// <summary>ET names resolve exactly, then with the first letter capitalised (stringIndex → StringIndex), then case-insensitively.</summary>
    public EtPlugin? FindEt(string name)
    {
        if (name.Length == 0)
        {
            return null;
        }
        return Registry.Ets.GetValueOrDefault(name)
            ?? Registry.Ets.GetValueOrDefault(char.ToUpperInvariant(name[0]) + name[1..]);
    }

    public BuiltinCommand? FindCommand(string name) => Registry.Commands.GetValueOrDefault(name);

    public void Dispose()
    {
        Database.Dispose();
        if (_ownsScratch)
        {
            try
            {
                Directory.Delete(ScratchDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A scratch folder left behind in the temp dir is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private sealed class ConnectionKeyComparer : IEqualityComparer<(string Format, string Name)>
    {
        public static readonly ConnectionKeyComparer Instance = new();

        public bool Equals((string Format, string Name) x, (string Format, string Name) y) =>
            string.Equals(x.Format, y.Format, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Name, y.Name, StringComparison.Ordinal);

        public int GetHashCode((string Format, string Name) obj) =>
            HashCode.Combine(obj.Format.ToUpperInvariant(), obj.Name);
    }
}
