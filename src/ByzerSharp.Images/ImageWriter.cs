using ByzerSharp.DataSources;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Results;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;

namespace ByzerSharp.Images;

/// <summary>
/// Byzer's image writer: each row's imageColumn is written to &lt;dir&gt;/&lt;fileName column&gt;.
/// A binary column is written verbatim (encoded bytes, as the demo's resize cell produces); an
/// image struct (what load image gives) is encoded first. Like Byzer it honours only overwrite
/// (replace the folder, see <see cref="DataSources.Files.PerRowFolder"/>) and errorIfExists ("&lt;dir&gt; is exists"); ignore and append write
/// into the folder. Every file name is checked before anything is deleted or written.
/// </summary>
internal static class ImageWriter
{
    /// <summary>Rows encoded and written in parallel at a time.</summary>
    private const int Batch = 512;

    public static SaveSummary Write(SaveContext context)
    {
        var options = context.Options;
        var imageColumn = options.Require("imageColumn");
        var fileNameColumn = options.Require("fileName");
        var session = context.Session;
        var source = Catalog.From(context.Table);
        var columns = session.Database.Describe(source, context.Statement.Span);
        var image = Column(context, columns, "imageColumn", imageColumn);
        var fileNameType = Column(context, columns, "fileName", fileNameColumn);
        if (fileNameType.DuckType != "VARCHAR")
        {
            // Byzer reads the cell with getAs[String], which fails on any other type.
            throw ByzerException.Semantic($"fileName {fileNameColumn} is a {fileNameType.SparkType} column; it must be a string", options.SpanOf("fileName"),
                $"select the names as strings, e.g. cast({fileNameColumn} as string) as {fileNameColumn}");
        }
        var isStruct = IsImageStruct(image.DuckType);
        if (!isStruct && image.DuckType != "BLOB")
        {
            throw ByzerException.Semantic($"imageColumn {imageColumn} is a {image.SparkType} column; it must be binary (encoded image bytes) or an image struct",
                options.SpanOf("imageColumn"), "select encoded bytes (e.g. content of binaryFile) or the image column of load image");
        }
        if (isStruct)
        {
            OpenCvRuntime.EnsureLoaded(context.Statement.Span);
        }

        var dir = Path.GetFullPath(context.Path);
        var fileName = Sql.Ident(fileNameColumn);
        ImageFileNames.Check(context, dir, fileName, source);
        using var folder = DataSources.Files.PerRowFolder.Begin(context, dir);
        var into = folder.WriteDirectory;

        var cell = Sql.Ident(imageColumn);
        var select = isStruct
            ? $"SELECT {fileName}, {cell} IS NULL, struct_extract({cell}, 'height'), struct_extract({cell}, 'width'), struct_extract({cell}, 'mode'), struct_extract({cell}, 'data') FROM {source}"
            : $"SELECT {fileName}, {cell} FROM {source}";
        var pending = new List<object?[]>(Batch);
        long rows = 0;
        using var progress = session.Progress.Start("save image");
        session.Database.Stream(select, row =>
        {
            pending.Add(row);
            if (pending.Count == Batch)
            {
                rows += Flush(context, dir, into, pending, isStruct);
                progress.Advance(Batch);
            }
        }, context.Statement.Span);
        rows += Flush(context, dir, into, pending, isStruct);
        folder.Commit();
        return new SaveSummary(dir, rows, (int)Math.Min(rows, int.MaxValue));
    }

    private static ResultColumn Column(SaveContext context, IReadOnlyList<ResultColumn> columns, string option, string column) =>
        columns.FirstOrDefault(c => c.Name == column)
        ?? throw ByzerException.Semantic($"{option} {column} is not a column of {context.Table.Name}", context.Options.SpanOf(option),
            "columns: " + string.Join(", ", columns.Select(c => c.Name)));

    private static bool IsImageStruct(string duckType) =>
        duckType.StartsWith("STRUCT(", StringComparison.OrdinalIgnoreCase)
        && new[] { "height INTEGER", "width INTEGER", "\"mode\" INTEGER", "\"data\" BLOB" }.All(f => duckType.Contains(f, StringComparison.OrdinalIgnoreCase)
            || duckType.Contains(f.Replace("\"", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Encodes (for structs) and writes the pending rows on every core into <paramref name="into"/>
    /// (the staging folder for overwrite); returns how many. Messages name <paramref name="dir"/>,
    /// the folder the script named, never the staging folder.
    /// </summary>
    private static int Flush(SaveContext context, string dir, string into, List<object?[]> pending, bool isStruct)
    {
        var count = pending.Count;
        if (count == 0)
        {
            return 0;
        }
        var imageColumn = context.Options.Get("imageColumn")!;
        var problems = new RowProblem?[count];
        try
        {
            Parallel.For(0, count, i => problems[i] = WriteOne(into, pending[i], isStruct, imageColumn));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is IOException or UnauthorizedAccessException))
        {
            var cause = e.InnerExceptions[0];
            throw ByzerException.Runtime($"cannot write into {dir}: {cause.Message.Replace(into, dir, StringComparison.Ordinal)}", context.PathSpan,
                cause is UnauthorizedAccessException ? "check the folder's permissions" : "check the folder's permissions and free space", cause);
        }
        if (Array.FindIndex(problems, p => p is not null) is var bad and >= 0)
        {
            throw ByzerException.Runtime($"cannot write {pending[bad][0]}: {problems[bad]!.Message}", context.Options.SpanOf("imageColumn"), problems[bad]!.Hint);
        }
        pending.Clear();
        return count;
    }

    /// <summary>Writes one row's file; returns why it cannot be written, or null.</summary>
    private static RowProblem? WriteOne(string dir, object?[] row, bool isStruct, string imageColumn)
    {
        var name = (string)row[0]!;
        byte[] bytes;
        if (isStruct)
        {
            if (row[1] is true)
            {
                return new RowProblem("the image is null", $"filter such rows out first, e.g. where {imageColumn} is not null");
            }
            var fields = new[] { "height", "width", "mode", "data" };
            if (Array.FindIndex(row[2..], v => v is null) is var missing and >= 0)
            {
                return new RowProblem($"the image's {fields[missing]} is null", "an image struct needs height, width, mode and data; filter incomplete rows out first");
            }
            var (encoded, problem) = ImageEncoder.Encode((int)row[2]!, (int)row[3]!, (int)row[4]!, (byte[])row[5]!, ImageEncoder.ExtensionFor(name));
            if (encoded is null)
            {
                return problem;
            }
            bytes = encoded;
        }
        else if (row[1] is byte[] raw)
        {
            bytes = raw;
        }
        else
        {
            return new RowProblem("the image column is null", $"filter such rows out first, e.g. where {imageColumn} is not null");
        }
        var target = ImageFileNames.Target(dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
        return null;
    }
}
