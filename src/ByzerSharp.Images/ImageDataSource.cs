using ByzerSharp.DataSources;
using ByzerSharp.DataSources.Files;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.Images;

/// <summary>
/// <c>load image.`path` [where dropInvalid|recursiveFileLookup|pathGlobFilter]</c>: Spark's image
/// source. <c>save t as image.`dir` where imageColumn="…" and fileName="…"</c>: Byzer's image writer.
/// </summary>
public sealed class ImageDataSource : IDataSource
{
    public string Name => "image";

    public string Executor => "opencv";

    public bool CanLoad => true;

    public bool CanSave => true;

    public TableEntry Load(LoadContext context)
    {
        OpenCvRuntime.EnsureLoaded(context.Statement.Format.Span);
        var dropInvalid = context.Options.GetBool("dropInvalid", false);
        var files = DuckDbFileReader.Expand(context);
        var session = context.Session;
        // The readers append flat columns (DuckDB.NET's appender has no struct writer); a view packs
        // them into Spark's struct column, which costs nothing until the column is read.
        var flat = session.Catalog.NewDuckName(context.TableName + "_pixels");
        session.Database.Execute($"CREATE TABLE {Sql.Ident(flat)} {ImageSchema.FlatDefinition}", context.Statement.Span);
        using (var progress = session.Progress.Start("load image", files.Count))
        {
            try
            {
                ImageReader.Read(session.Database.Connection, flat, files, dropInvalid, n => progress.Advance(n));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw ByzerException.Runtime($"cannot read a file of {context.RawPath}: {e.Message}", context.PathSpan, "check the files' permissions", e);
            }
        }
        return context.Define($"SELECT {ImageSchema.PackedColumn} FROM {Sql.Ident(flat)}", TableKind.View, "load image");
    }

    public SaveSummary Save(SaveContext context) => ImageWriter.Write(context);
}
