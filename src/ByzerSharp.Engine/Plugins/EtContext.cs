using ByzerSharp.DataSources;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Text;

namespace ByzerSharp.Plugins;

/// <summary>One ET call: the input table, the path, substituted options and the output name.</summary>
public sealed class EtContext(
    ByzerSession session,
    Statement statement,
    TrainKind kind,
    TableEntry input,
    string path,
    OptionValues options,
    string outputName,
    IReadOnlyList<string>? args = null)
{
    public ByzerSession Session { get; } = session;

    /// <summary>The statement that called the ET (a TrainStatement, or the CommandStatement of a !command).</summary>
    public Statement Statement { get; } = statement;

    public SourceSpan Span => Statement.Span;

    public TrainKind Kind { get; } = kind;

    public TableEntry Input { get; } = input;

    public string Path { get; } = path;

    public OptionValues Options { get; } = options;

    /// <summary>The name the result will be registered under.</summary>
    public string OutputName { get; } = outputName;

    /// <summary>For commands: the arguments (Byzer passes them as the JSON option 'parameters').</summary>
    public IReadOnlyList<string> Args { get; } = args ?? ParseParameters(options);

    /// <summary>Defines the result table under <see cref="OutputName"/>.</summary>
    public TableEntry Define(string sql, TableKind kind = TableKind.Table, int? partitions = null)
    {
        var entry = Session.DefineTable(OutputName, sql, kind, Span, Kind.ToString().ToLowerInvariant());
        return partitions is { } p ? Session.SetPartitions(entry, p) : entry;
    }

    /// <summary>
    /// Where argument <paramref name="index"/> is written: the argument itself for <c>!cmd a b</c>,
    /// the parameters option for <c>run command as X.`` where parameters='[…]'</c>.
    /// </summary>
    public SourceSpan ArgSpan(int index) =>
        Statement is CommandStatement c && index >= 0 && index < c.Args.Count ? c.Args[index].Span
        : Options.Has("parameters") ? Options.SpanOf("parameters")
        : Span;

    /// <summary>Defines the result as a table of literal values with the given columns.</summary>
    public TableEntry DefineRows(IReadOnlyList<RowColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var duckName = Session.Catalog.NewDuckName(OutputName);
        RowsTable.Create(Session.Database, duckName, columns, rows);
        var table = new TableEntry(OutputName, duckName, TableKind.Table, Span) { Origin = Kind.ToString().ToLowerInvariant() };
        return Session.DefineAlias(OutputName, table, Span);
    }

    /// <summary>
    /// The 'parameters' option: a JSON array of strings, as Byzer's commands pass it. A value that is not
    /// an array at all is one argument (<c>parameters='tables'</c>); one that starts like an array but is
    /// not an array of strings is an error, rather than a command run with a broken argument.
    /// </summary>
    private static IReadOnlyList<string> ParseParameters(OptionValues options)
    {
        var json = options.Get("parameters");
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        if (!json.TrimStart().StartsWith('['))
        {
            return [json];
        }
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<List<string>>(json) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            throw options.Invalid("parameters", json, "a JSON array of strings, e.g. [\"-ls\", \"/tmp\"]");
        }
    }
}
