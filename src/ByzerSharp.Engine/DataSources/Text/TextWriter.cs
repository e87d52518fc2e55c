using System.Text;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;

namespace ByzerSharp.DataSources.Text;

/// <summary>
/// Byzer's text writer (not Spark's): each row's contentColumn is written verbatim to
/// &lt;dir&gt;/&lt;fileName column&gt;. Like Byzer it honours only overwrite (replace the folder)
/// and errorIfExists ("&lt;dir&gt; is exists"); ignore and append write into the folder
/// (<see cref="Files.PerRowFolder"/>).
/// </summary>
public static class TextWriter
{
    public static SaveSummary Write(SaveContext context)
    {
        var options = context.Options;
        var contentColumn = options.Require("contentColumn");
        var fileNameColumn = options.Require("fileName");
        var session = context.Session;
        var source = Catalog.From(context.Table);
        var columns = session.Database.Describe(source, context.Statement.Span);
        CheckColumn(context, columns, "contentColumn", contentColumn);
        CheckColumn(context, columns, "fileName", fileNameColumn);

        var dir = Path.GetFullPath(context.Path);
        using var folder = Files.PerRowFolder.Begin(context, dir);
        var into = folder.WriteDirectory;
        long rows = 0;
        session.Database.Stream($"SELECT {Sql.Ident(fileNameColumn)}, {Sql.Ident(contentColumn)} FROM {source}", row =>
        {
            var name = row[0] as string ?? throw ByzerException.Runtime($"the fileName column {fileNameColumn} is null in a row", options.SpanOf("fileName"), "give every row a file name");
            var target = Path.GetFullPath(Path.Combine(into, name));
            if (!target.StartsWith(into + "/", StringComparison.Ordinal))
            {
                throw ByzerException.Runtime($"file name {name} points outside {dir}", options.SpanOf("fileName"), "use names relative to the save folder");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var bytes = row[1] switch
            {
                null => [],
                byte[] b => b,
                string s => Encoding.UTF8.GetBytes(s),
                var other => Encoding.UTF8.GetBytes(Results.ValueText.Format(other)),
            };
            File.WriteAllBytes(target, bytes);
            rows++;
        }, context.Statement.Span);
        folder.Commit();
        return new SaveSummary(dir, rows, (int)Math.Min(rows, int.MaxValue));
    }

    private static void CheckColumn(SaveContext context, IReadOnlyList<Results.ResultColumn> columns, string option, string column)
    {
        if (!columns.Any(c => c.Name == column))
        {
            throw ByzerException.Semantic($"{option} {column} is not a column of {context.Table.Name}", context.Options.SpanOf(option),
                "columns: " + string.Join(", ", columns.Select(c => c.Name)));
        }
    }
}
