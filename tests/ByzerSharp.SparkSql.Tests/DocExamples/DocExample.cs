namespace ByzerSharp.SparkSql.Tests.DocExamples;

/// <summary>
/// One example of Spark's built-in function documentation: the query, Spark's printed result and,
/// when the result cannot be compared (random, current time, a session setting), why.
/// </summary>
public sealed record DocExample(string Function, string Since, string Query, string Expected, string? Excluded, string Source, int Line)
{
    public override string ToString() => $"{Function}: {Query}";
}

/// <summary>Reads tests/spark-doc-examples/examples.txt (its header describes the format).</summary>
public static class DocExampleFile
{
    public static IReadOnlyList<DocExample> Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var examples = new List<DocExample>();
        string source = "", function = "", since = "";
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("%source ", StringComparison.Ordinal))
            {
                source = line[8..].Trim();
            }
            else if (line.StartsWith("@ ", StringComparison.Ordinal))
            {
                var parts = line[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                function = parts[0];
                since = parts.Length > 1 ? parts[1] : "";
            }
            else if (line.StartsWith("> ", StringComparison.Ordinal))
            {
                var start = i;
                var query = line[2..];
                while (!query.TrimEnd().EndsWith(';') && i + 1 < lines.Length)
                {
                    query += "\n" + lines[++i];
                }
                string? excluded = null;
                var result = new List<string>();
                while (i + 1 < lines.Length && !IsDirective(lines[i + 1]))
                {
                    result.Add(lines[++i]);
                }
                if (i + 1 < lines.Length && lines[i + 1].StartsWith("! ", StringComparison.Ordinal))
                {
                    excluded = lines[++i][2..].Trim();
                }
                // Spark's own example check compares trimmed text, so surrounding blank lines are layout.
                examples.Add(new DocExample(function, since, query.TrimEnd().TrimEnd(';'), string.Join("\n", result).Trim(), excluded, source, start + 1));
            }
        }
        return examples;
    }

    private static bool IsDirective(string line) =>
        line.StartsWith("> ", StringComparison.Ordinal) || line.StartsWith("@ ", StringComparison.Ordinal) ||
        line.StartsWith("! ", StringComparison.Ordinal) || line.StartsWith("%source ", StringComparison.Ordinal) ||
        line.StartsWith('#');
}
