using System.Globalization;
using System.Text;
using ByzerSharp.Diagnostics;
using ByzerSharp.Results;

namespace ByzerSharp.GoldenTests;

/// <summary>
/// Runs one .test file in a fresh session with its own temp folder, record by record.
/// With BYZER_GOLDEN_COMPLETE=1 query results and error texts are written back into the file.
/// </summary>
public static class GoldenRunner
{
    public static string GoldenRoot => FindUp("tests/golden");

    public static string RepoRoot => Path.GetDirectoryName(Path.GetDirectoryName(GoldenRoot)!)!;

    public static bool CompleteMode => Environment.GetEnvironmentVariable("BYZER_GOLDEN_COMPLETE") == "1";

    /// <summary>Runs the file; returns the failures (empty when all records pass) or a skip reason.</summary>
    public static (List<string> Failures, string? Skipped) Run(string path)
    {
        var file = GoldenFile.Parse(path);
        var missing = file.Requires.Where(r => !GoldenEnvironment.Has(r)).ToList();
        if (missing.Count > 0)
        {
            return ([], "requires " + string.Join(", ", missing));
        }
        var failures = new List<string>();
        var testDir = Path.Combine(Path.GetTempPath(), "byzer-golden-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(testDir);
        var rewrites = new List<(GoldenRecord Record, List<string> Actual)>();
        try
        {
            using var engine = new ByzerEngine(GoldenEnvironment.Options(testDir));
            using var session = engine.CreateSession();
            var relative = Path.GetRelativePath(RepoRoot, path);
            foreach (var record in file.Records)
            {
                var script = Substitute(record.Script, testDir);
                var where = $"{relative}:{record.Line}";
                ScriptResult? result = null;
                ByzerException? error = null;
                try
                {
                    result = record.NewRequest ? session.Run(script, "test.byzer") : session.Continue(script, "test.byzer");
                }
                catch (ByzerException e)
                {
                    error = e;
                }
                catch (Exception e)
                {
                    failures.Add($"{where}: unexpected {e.GetType().Name} escaped the engine: {e.Message}\n{e.StackTrace}");
                    continue;
                }
                switch (record.Kind)
                {
                    case RecordKind.StatementOk when error is not null:
                        failures.Add($"{where}: expected success, got:\n{error.Render()}");
                        break;
                    case RecordKind.StatementWarning:
                        if (error is not null)
                        {
                            failures.Add($"{where}: expected a warning, got an error:\n{error.Render()}");
                        }
                        else if (!result!.Warnings.Any(w => Matches(w.Render(), record.Argument)))
                        {
                            failures.Add($"{where}: expected a warning matching '{record.Argument}', got: {string.Join(" | ", result.Warnings.Select(w => w.Message))}");
                        }
                        break;
                    case RecordKind.StatementError:
                        if (error is null)
                        {
                            failures.Add($"{where}: expected an error matching '{record.Argument}', but the script succeeded");
                            break;
                        }
                        var rendered = error.Render().TrimEnd('\n');
                        if (record.Argument.Length > 0 && !Matches(rendered, record.Argument))
                        {
                            failures.Add($"{where}: error does not match '{record.Argument}':\n{rendered}");
                        }
                        if (record.ExpectedStart >= 0)
                        {
                            var expected = string.Join("\n", record.Expected);
                            if (!rendered.Contains(expected, StringComparison.Ordinal))
                            {
                                if (CompleteMode)
                                {
                                    rewrites.Add((record, rendered.Split('\n').ToList()));
                                }
                                else
                                {
                                    failures.Add($"{where}: error text differs.\nexpected:\n{expected}\nactual:\n{rendered}");
                                }
                            }
                        }
                        break;
                    case RecordKind.Query:
                        if (error is not null)
                        {
                            failures.Add($"{where}: query failed:\n{error.Render()}");
                            break;
                        }
                        if (result!.Table is null)
                        {
                            failures.Add($"{where}: query produced no table (the last statement must produce one)");
                            break;
                        }
                        var table = result.Table;
                        if (table.Columns.Count != record.Types.Length)
                        {
                            failures.Add($"{where}: expected {record.Types.Length} columns ({record.Types}), got {table.Columns.Count}: {string.Join(", ", table.Columns.Select(c => c.Name + " " + c.SparkType))}");
                        }
                        var actual = Format(table, record.SortMode);
                        if (!actual.SequenceEqual(record.Expected))
                        {
                            if (CompleteMode)
                            {
                                rewrites.Add((record, actual));
                            }
                            else
                            {
                                failures.Add($"{where}: result differs.\nexpected:\n{string.Join("\n", record.Expected)}\nactual:\n{string.Join("\n", actual)}");
                            }
                        }
                        break;
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(testDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        if (rewrites.Count > 0)
        {
            Rewrite(file, rewrites);
        }
        return (failures, null);
    }

    public static List<string> Format(ResultTable table, string sortMode)
    {
        var rows = table.Rows.Select(r => string.Join("\t", r.Select(Cell))).ToList();
        if (sortMode == "rowsort")
        {
            rows.Sort(StringComparer.Ordinal);
        }
        else if (sortMode == "valuesort")
        {
            rows = rows.SelectMany(r => r.Split('\t')).Order(StringComparer.Ordinal).ToList();
        }
        return rows;
    }

    public static string Cell(object? value) => value switch
    {
        null => "NULL",
        "" => "(empty)",
        string s => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal),
        byte[] b => "0x" + Convert.ToHexString(b),
        _ => ValueText.Format(value).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal),
    };

    private static bool Matches(string text, string pattern)
    {
        if (pattern.StartsWith("<REGEX>:", StringComparison.Ordinal))
        {
            return System.Text.RegularExpressions.Regex.IsMatch(text, pattern[8..]);
        }
        return text.Contains(pattern, StringComparison.Ordinal);
    }

    private static string Substitute(string script, string testDir) =>
        script.Replace("{TEST_DIR}", testDir, StringComparison.Ordinal)
            .Replace("{DATA_DIR}", Path.Combine(GoldenRoot, "data"), StringComparison.Ordinal)
            .Replace("{REPO_DIR}", RepoRoot, StringComparison.Ordinal)
            .Replace("{CONFORMANCE_DIR}", Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "conformance")), StringComparison.Ordinal);

    private static void Rewrite(GoldenFile file, List<(GoldenRecord Record, List<string> Actual)> rewrites)
    {
        var lines = file.Lines.ToList();
        foreach (var (record, actual) in rewrites.OrderByDescending(r => r.Record.Line))
        {
            if (record.Expected.Count == 0 && record.ExpectedStart == record.ExpectedEnd && (record.ExpectedStart >= lines.Count || lines[record.ExpectedStart - 1].Trim() != "----"))
            {
                lines.InsertRange(record.ExpectedStart, new[] { "----" }.Concat(actual));
            }
            else
            {
                lines.RemoveRange(record.ExpectedStart, record.ExpectedEnd - record.ExpectedStart);
                lines.InsertRange(record.ExpectedStart, actual);
            }
        }
        File.WriteAllText(file.Path, string.Join("\n", lines), new UTF8Encoding(false));
    }

    private static string FindUp(string relative)
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            var candidate = Path.Combine(dir, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
            dir = Path.GetDirectoryName(dir);
        }
        throw new DirectoryNotFoundException("cannot find " + relative + " above " + AppContext.BaseDirectory);
    }
}
