using ByzerSharp.Session;

namespace ByzerSharp.DataSources;

/// <summary>
/// A format usable in <c>load fmt.`path`</c> and/or <c>save … as fmt.`path`</c>.
/// Implementations live one per folder under DataSources/ (or in an extension project).
/// </summary>
public interface IDataSource
{
    /// <summary>The format name as written in scripts (case-insensitive).</summary>
    string Name { get; }

    /// <summary>The executor named in plans: "duckdb", "files", "delta", "opencv", …</summary>
    string Executor { get; }

    bool CanLoad { get; }

    bool CanSave { get; }

    /// <summary>Defines the loaded table in the catalog and returns it.</summary>
    TableEntry Load(LoadContext context);

    /// <summary>Writes the table; returns a short summary for the result row.</summary>
    SaveSummary Save(SaveContext context);
}

/// <summary>What a save wrote.</summary>
public sealed record SaveSummary(string Path, long Rows, int Files);
