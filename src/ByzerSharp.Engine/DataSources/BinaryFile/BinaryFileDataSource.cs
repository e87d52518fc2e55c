using ByzerSharp.DataSources.Files;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.DataSources.BinaryFile;

/// <summary>
/// Spark's binaryFile source: columns path (file:/… URI), modificationTime, length, content;
/// globs, pathGlobFilter and recursiveFileLookup. Spark refuses to write it, and so does this.
/// </summary>
public sealed class BinaryFileDataSource : IDataSource
{
    public string Name => "binaryFile";

    public string Executor => "files";

    public bool CanLoad => true;

    public bool CanSave => false;

    public TableEntry Load(LoadContext context)
    {
        var session = context.Session;
        var files = DuckDbFileReader.Expand(context);
        var table = session.Catalog.NewDuckName(context.TableName);
        session.Database.Execute($"CREATE TABLE {Sql.Ident(table)} {BinaryFileReader.TableDefinition}", context.Statement.Span);
        var zone = SessionZone(session);
        using (var progress = session.Progress.Start("load binaryFile", files.Count))
        {
            try
            {
                BinaryFileReader.Read(session.Database.Connection, table, files, zone, n => progress.Advance(n));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Diagnostics.ByzerException.Runtime($"cannot read a file of {context.RawPath}: {e.Message}", context.PathSpan, "check the files' permissions", e);
            }
        }
        var entry = new TableEntry(context.TableName, table, TableKind.Table, context.Statement.Span) { Origin = "load binaryFile" };
        return session.DefineAlias(context.TableName, entry, context.Statement.Span);
    }

    internal static TimeZoneInfo SessionZone(ByzerSession session) =>
        session.Options.TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Local;

    // CanSave is false, so SaveExecutor reports "save is not supported in binaryFile" before calling this.
    public SaveSummary Save(SaveContext context) => throw new InvalidOperationException("binaryFile cannot be saved");
}
