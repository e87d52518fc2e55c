using ByzerSharp.Syntax.Ast;
using ByzerSharp.Session;
using ByzerSharp.Text;

namespace ByzerSharp.DataSources;

/// <summary>Everything a data source needs to save a table.</summary>
public sealed class SaveContext(ByzerSession session, SaveStatement statement, TableEntry table, string rawPath, OptionValues options)
{
    private string? _path;

    public ByzerSession Session { get; } = session;

    public SaveStatement Statement { get; } = statement;

    public TableEntry Table { get; } = table;

    public string RawPath { get; } = rawPath;

    /// <summary>The path with the home prefix applied and 'file:' stripped (validated on first use).</summary>
    public string Path => _path ??= Session.Paths.Resolve(RawPath, PathSpan);

    public OptionValues Options { get; } = options;

    public SaveMode Mode => Statement.Mode;

    public IReadOnlyList<string> PartitionBy => Statement.PartitionBy.Select(p => p.Text).ToList();

    public SourceSpan PathSpan => Statement.Path.Span;

    /// <summary>
    /// The number of files to write: fileNum if given, else the table's partition count, else
    /// <paramref name="defaultCount"/>.
    /// </summary>
    public int FileCount(int defaultCount = 1) => Options.GetInt("fileNum", min: 1) ?? Table.PartitionCount ?? defaultCount;
}
