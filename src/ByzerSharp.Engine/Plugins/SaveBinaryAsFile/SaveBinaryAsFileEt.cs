using System.Text;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.Plugins.SaveBinaryAsFile;

/// <summary>
/// <c>!saveFile _ -i t -o /path</c>: writes the single cell of a one-row table (binary, or text as
/// UTF-8) to a file; the home prefix applies to the file path.
/// </summary>
public sealed class SaveBinaryAsFileEt : EtPlugin
{
    public override string Name => "SaveBinaryAsFile";

    public override string Description => "Writes the first column of a one-row table (binary or text) to a file.";

    public override IReadOnlyList<EtOption> Options =>
    [
        new("filePath", "The file to write (run t as SaveBinaryAsFile.`` where filePath=\"…\")", Required: true),
    ];

    public override TableEntry? Run(EtContext context)
    {
        var options = SaveBinaryAsFileOptions.Parse(context);
        var path = context.Session.Paths.Resolve(options.FilePath, options.FileSpan);
        var rows = context.Session.Database.Query("SELECT * FROM " + Catalog.From(options.Input) + " LIMIT 2", options.Input.Name, context.Span);
        if (rows.Rows.Count != 1)
        {
            throw ByzerException.Runtime(
                $"SaveBinaryAsFile needs a table with exactly one row, {options.Input.Name} has {(rows.Rows.Count == 0 ? "none" : "more")}",
                context.Span,
                "select the one row to write first, e.g. select content from t where … limit 1 as one;");
        }
        var bytes = rows.Rows[0][0] switch
        {
            byte[] b => b,
            string s => Encoding.UTF8.GetBytes(s),
            _ => throw ByzerException.Runtime(
                $"SaveBinaryAsFile writes binary or string values, the first column of {options.Input.Name} is {rows.Columns[0].SparkType}",
                context.Span,
                "cast the value first, e.g. select cast(x as string) as x from t as one;"),
        };
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } parent && !Directory.Exists(parent))
        {
            throw ByzerException.Runtime($"`{parent}': No such file or directory", options.FileSpan, "create the folder first: !hdfs -mkdir -p <folder>");
        }
        File.WriteAllBytes(path, bytes);
        return context.DefineRows([new RowColumn("path"), new RowColumn("bytes", "BIGINT")], [[path, (long)bytes.Length]]);
    }

    public override TableEntry? Train(EtContext context) => Run(context);
}
