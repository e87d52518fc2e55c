using ByzerSharp.DataSources.Files;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.DataSources.BinaryFile;

/// <summary>
/// Spark's binaryFile source: columns path (file:/… URI), modificationTime, length, content;
/// globs, pathGlobFilter and recursiveFileLookup. Spark refuses to write it, and so does this.
/// Like Spark's, the load lists the files and the content is read when a query needs it: the table is
/// a view over the listing whose content column reads each file at its listed version.
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
        FileVersion[] versions;
        using (var progress = session.Progress.Start("load binaryFile", files.Count))
        {
            try
            {
                versions = BinaryFileListing.Stat(files, n => progress.Advance(n));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Diagnostics.ByzerException.Runtime($"cannot read a file of {context.RawPath}: {e.Message}", context.PathSpan, "check the files' permissions", e);
            }
        }
        // The listing is a table (what the load saw); the content is read by the view when a query needs it.
        var listing = session.Catalog.NewDuckName(context.TableName);
        session.Database.Execute($"CREATE TABLE {Sql.Ident(listing)} {BinaryFileListing.TableDefinition}", context.Statement.Span);
        BinaryFileListing.Append(session.Database.Connection, listing, files, versions, SessionZone(session));
        BinaryFileContentFunction.Register(session.Database.Connection);
        var view = session.Catalog.NewDuckName(context.TableName);
        session.Database.Execute($"CREATE VIEW {Sql.Ident(view)} AS {BinaryFileListing.ViewSql(listing)}", context.Statement.Span);
        var entry = new TableEntry(context.TableName, view, TableKind.View, context.Statement.Span) { Origin = "load binaryFile" };
        return session.DefineAlias(context.TableName, entry, context.Statement.Span);
    }

    internal static TimeZoneInfo SessionZone(ByzerSession session) =>
        session.Options.TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Local;

    // CanSave is false, so SaveExecutor reports "save is not supported in binaryFile" before calling this.
    public SaveSummary Save(SaveContext context) => throw new InvalidOperationException("binaryFile cannot be saved");
}
