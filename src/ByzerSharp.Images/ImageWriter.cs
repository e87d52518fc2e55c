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
        Column(context, columns, "fileName", fileNameColumn);
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
        var fileName = $"CAST({Sql.Ident(fileNameColumn)} AS VARCHAR)";
        CheckFileNames(context, dir, fileName, source);
        using var folder = DataSources.Files.PerRowFolder.Begin(context, dir);
        var into = folder.WriteDirectory;

        var cell = Sql.Ident(imageColumn);
        var select = isStruct
            ? $"SELECT {fileName}, struct_extract({cell}, 'height'), struct_extract({cell}, 'width'), struct_extract({cell}, 'mode'), struct_extract({cell}, 'data') FROM {source}"
            : $"SELECT {fileName}, {cell} FROM {source}";
        var pending = new List<object?[]>(Batch);
        long rows = 0;
        using var progress = session.Progress.Start("save image");
        session.Database.Stream(select, row =>
        {
            pending.Add(row);
            if (pending.Count == Batch)
            {
                rows += Flush(context, into, pending, isStruct);
                progress.Advance(Batch);
            }
        }, context.Statement.Span);
        rows += Flush(context, into, pending, isStruct);
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

    /// <summary>Fails on a null, absolute, escaping or repeated file name before the folder is touched.</summary>
    private static void CheckFileNames(SaveContext context, string dir, string fileName, string source)
    {
        var span = context.Options.SpanOf("fileName");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        context.Session.Database.Stream($"SELECT {fileName} FROM {source}", row =>
        {
            var name = row[0] as string;
            if (string.IsNullOrEmpty(name))
            {
                throw ByzerException.Runtime($"the fileName column {context.Options.Get("fileName")} is {(name is null ? "null" : "empty")} in a row", span, "give every row a file name");
            }
            if (Path.IsPathRooted(name) || name.Split('/').Contains(".."))
            {
                throw ByzerException.Runtime($"file name {name} points outside {dir}", span, "use names relative to the save folder, without '..'");
            }
            var target = Target(dir, name);
            if (!target.StartsWith(dir + "/", StringComparison.Ordinal))
            {
                throw ByzerException.Runtime($"file name {name} points outside {dir}", span, "use names relative to the save folder");
            }
            if (!seen.Add(target))
            {
                throw ByzerException.Runtime($"two rows have the file name {name}", span, "make the fileName column unique; the second file would replace the first");
            }
        }, context.Statement.Span);
    }

    private static string Target(string dir, string name) => Path.GetFullPath(Path.Combine(dir, name));

    /// <summary>Encodes (for structs) and writes the pending rows on every core; returns how many.</summary>
    private static int Flush(SaveContext context, string dir, List<object?[]> pending, bool isStruct)
    {
        var count = pending.Count;
        if (count == 0)
        {
            return 0;
        }
        var errors = new string?[count];
        try
        {
            Parallel.For(0, count, i => errors[i] = WriteOne(dir, pending[i], isStruct));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is IOException or UnauthorizedAccessException))
        {
            throw ByzerException.Runtime($"cannot write into {Path.GetFullPath(context.Path)}: {e.InnerExceptions[0].Message}", context.PathSpan, "check the folder's permissions and free space", e.InnerExceptions[0]);
        }
        if (Array.FindIndex(errors, e => e is not null) is var bad and >= 0)
        {
            throw ByzerException.Runtime($"cannot write {pending[bad][0]}: {errors[bad]}", context.Options.SpanOf("imageColumn"),
                "filter such rows out first, e.g. where image.height > 0 for images load image could not decode");
        }
        pending.Clear();
        return count;
    }

    /// <summary>Writes one row's file; returns why it cannot be written, or null.</summary>
    private static string? WriteOne(string dir, object?[] row, bool isStruct)
    {
        var name = (string)row[0]!;
        byte[] bytes;
        if (isStruct)
        {
            if (row[1] is not int height || row[2] is not int width || row[3] is not int mode || row[4] is not byte[] data)
            {
                return "the image or one of its height, width, mode, data fields is null";
            }
            var (encoded, error) = ImageEncoder.Encode(height, width, mode, data, ImageEncoder.ExtensionFor(name));
            if (encoded is null)
            {
                return error;
            }
            bytes = encoded;
        }
        else if (row[1] is byte[] raw)
        {
            bytes = raw;
        }
        else
        {
            return "the image column is null";
        }
        var target = Target(dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
        return null;
    }
}
