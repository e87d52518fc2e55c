using System.Text;
using ByzerSharp.Diagnostics;

namespace ByzerSharp.DataSources.Csv;

/// <summary>
/// The encoding/charset option. DuckDB reads UTF-8 only, so other encodings are decoded by .NET
/// (including legacy code pages such as GBK) into UTF-8 scratch copies of the files.
/// </summary>
public static class CsvEncoding
{
    static CsvEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<string> ToUtf8(LoadContext context, IReadOnlyList<string> files)
    {
        var key = context.Options.Has("encoding") ? "encoding" : "charset";
        var name = context.Options.Get(key);
        if (name is null || name.Replace("-", "", StringComparison.Ordinal).Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return files;
        }
        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw ByzerException.Semantic($"unsupported encoding {name}", context.Options.SpanOf(key), "use an encoding name such as UTF-8, ISO-8859-1, UTF-16, GBK or windows-1252");
        }
        var folder = Path.Combine(context.Session.ScratchDirectory, "csv-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var result = new List<string>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var target = Path.Combine(folder, $"{i:00000}-{Path.GetFileName(files[i])}");
            File.WriteAllText(target, File.ReadAllText(files[i], encoding), new UTF8Encoding(false));
            result.Add(target);
        }
        return result;
    }
}
