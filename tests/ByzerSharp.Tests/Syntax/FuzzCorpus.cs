namespace ByzerSharp.Tests.Syntax;

/// <summary>Valid scripts to mutate: the scripts of golden records that succeed, and the examples.</summary>
internal static class FuzzCorpus
{
    public static IReadOnlyList<string> Scripts()
    {
        var root = RepoPaths.Root;
        var scripts = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "tests", "golden"), "*.test", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            scripts.AddRange(GoldenScripts(File.ReadAllLines(file)));
        }
        var examples = Path.Combine(root, "examples");
        if (Directory.Exists(examples))
        {
            foreach (var file in Directory.EnumerateFiles(examples, "*.byzer", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                scripts.Add(File.ReadAllText(file));
            }
        }
        return scripts;
    }

    /// <summary>The script lines of every record (everything between a header and its ---- or blank line).</summary>
    private static IEnumerable<string> GoldenScripts(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var header = lines[i].Trim();
            if (!header.StartsWith("statement ", StringComparison.Ordinal) && !header.StartsWith("query ", StringComparison.Ordinal))
            {
                continue;
            }
            var body = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "----" && lines[i].Length > 0; i++)
            {
                body.Add(lines[i]);
            }
            if (body.Count > 0)
            {
                yield return string.Join('\n', body);
            }
        }
    }
}
