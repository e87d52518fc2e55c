using ByzerSharp.Diagnostics;

namespace ByzerSharp.DataSources.Variables;

/// <summary>The value of the variable a jsonStr/csvStr/script path names, as Byzer reads it.</summary>
public static class VariableText
{
    public static string Value(LoadContext context)
    {
        var name = context.RawPath.Trim();
        if (!context.Session.Variables.TryGet(name, out var variable))
        {
            throw ByzerException.Semantic($"variable {name} is not defined", context.PathSpan,
                $"the path of {context.Statement.Format.Text} names a variable: set {name}='''…'''; before this load");
        }
        return StripBlockQuotes(variable.Value);
    }

    /// <summary>Byzer's cleanBlockStr: a value still wrapped in ''' is unwrapped.</summary>
    public static string StripBlockQuotes(string value) =>
        value.Length >= 6 && value.StartsWith("'''", StringComparison.Ordinal) && value.EndsWith("'''", StringComparison.Ordinal)
            ? value[3..^3]
            : value;

    /// <summary>The non-blank lines of the value, written to a scratch file for the file readers.</summary>
    public static (string File, List<string> Lines) ToScratchFile(LoadContext context, string extension)
    {
        var lines = Value(context).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        var file = Path.Combine(context.Session.ScratchDirectory, $"{context.Statement.Format.Text}-{Guid.NewGuid():N}.{extension}");
        File.WriteAllLines(file, lines);
        return (file, lines);
    }
}
