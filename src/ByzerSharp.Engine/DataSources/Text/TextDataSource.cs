using System.Text;
using ByzerSharp.DataSources.Files;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.DataSources.Text;

/// <summary>
/// Byzer's text source. Load: columns file (the file's URI) and value, one row per line (Spark's
/// line splitting: \n, \r\n or \r, or exactly lineSep), or one row per file with wholetext="true";
/// the path may be a comma list. Save: Byzer's writer, one file per row (see <see cref="TextWriter"/>).
/// </summary>
public sealed class TextDataSource : IDataSource
{
    public string Name => "text";

    public string Executor => "files";

    public bool CanLoad => true;

    public bool CanSave => true;

    public TableEntry Load(LoadContext context)
    {
        var files = DuckDbFileReader.Expand(context);
        var wholeText = context.Options.GetBool("wholetext", false);
        var lineSep = context.Options.Get("lineSep") is { } sep ? Csv.CsvDataSource.Unescape(sep) : null;
        if (lineSep is { Length: 0 })
        {
            throw context.Options.Invalid("lineSep", "", "a non-empty separator such as \\n");
        }
        var session = context.Session;
        var table = session.Catalog.NewDuckName(context.TableName);
        session.Database.Execute($"CREATE TABLE {Sql.Ident(table)} (file VARCHAR, value VARCHAR)", context.Statement.Span);
        using (var progress = session.Progress.Start("load text", files.Count))
        using (var appender = session.Database.Connection.CreateAppender(table))
        {
            foreach (var file in files)
            {
                var uri = "file:" + file;
                var content = File.ReadAllText(file, Encoding.UTF8);
                foreach (var line in wholeText ? [content] : SplitLines(content, lineSep))
                {
                    appender.CreateRow().AppendValue(uri).AppendValue(line).EndRow();
                }
                progress.Advance();
            }
        }
        var entry = new TableEntry(context.TableName, table, TableKind.Table, context.Statement.Span) { Origin = "load text" };
        return session.DefineAlias(context.TableName, entry, context.Statement.Span);
    }

    /// <summary>Hadoop's LineRecordReader: a final separator does not start an empty last line.</summary>
    public static IEnumerable<string> SplitLines(string content, string? lineSep)
    {
        if (content.Length == 0)
        {
            yield break;
        }
        if (lineSep is not null)
        {
            var parts = content.Split(lineSep);
            var count = content.EndsWith(lineSep, StringComparison.Ordinal) ? parts.Length - 1 : parts.Length;
            for (var i = 0; i < count; i++)
            {
                yield return parts[i];
            }
            yield break;
        }
        using var reader = new StringReader(content);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    public SaveSummary Save(SaveContext context) => TextWriter.Write(context);
}
