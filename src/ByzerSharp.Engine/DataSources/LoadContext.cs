using ByzerSharp.Syntax.Ast;
using ByzerSharp.Session;
using ByzerSharp.Text;

namespace ByzerSharp.DataSources;

/// <summary>Everything a data source needs to load: resolved path, substituted options, the target name.</summary>
public sealed class LoadContext(ByzerSession session, LoadStatement statement, string rawPath, OptionValues options, string tableName)
{
    private string? _path;

    public ByzerSession Session { get; } = session;

    public LoadStatement Statement { get; } = statement;

    /// <summary>The path after substitution, before the home prefix (variable names for jsonStr, table names for delta).</summary>
    public string RawPath { get; } = rawPath;

    /// <summary>The path with the home prefix applied and 'file:' stripped (validated on first use).</summary>
    public string Path => _path ??= Session.Paths.Resolve(RawPath, PathSpan);

    public OptionValues Options { get; } = options;

    public string TableName { get; } = tableName;

    public SourceSpan PathSpan => Statement.Path.Span;

    /// <summary>Creates the DuckDB object for the loaded table and registers it in the catalog.</summary>
    public TableEntry Define(string sql, TableKind kind, string origin) => Session.DefineTable(TableName, sql, kind, Statement.Span, origin);
}
