using System.Text;
using System.Text.RegularExpressions;
using ByzerSharp.SparkSql.Functions;
using Xunit.Abstractions;

namespace ByzerSharp.SparkSql.Tests.DocExamples;

/// <summary>
/// Runs every example of Spark's built-in function documentation (tests/spark-doc-examples/examples.txt)
/// through the translator on DuckDB and compares the printed result with Spark's, normalized as
/// Spark's own example check does (ExpressionInfoSuite: leading whitespace of each line removed,
/// the whole trimmed). Fails when fewer than <see cref="RequiredRate"/> of the examples of the
/// functions we support match.
/// </summary>
public sealed partial class SparkDocExamplesTests(ITestOutputHelper output)
{
    private const double RequiredRate = 0.95;

    // Names that the parser implements as syntax rather than through FunctionLibrary.
    private static readonly HashSet<string> SyntaxForms = new(StringComparer.OrdinalIgnoreCase)
    {
        "like", "ilike", "and", "or", "not", "!", "in", "between", "case", "when", "if", "cast", "try_cast",
        "+", "-", "*", "/", "%", "div", "=", "==", "<", "<=", ">", ">=", "<=>", "!=", "<>", "&", "|", "^", "~", "||",
        "is null", "is not null", "extract", "overlay", "position", "trim", "substring",
    };

    public static bool IsSupported(string function) => FunctionLibrary.Find(function) is not null || SyntaxForms.Contains(function);

    [Fact]
    public void DocumentedExamplesGiveSparksResults()
    {
        var examples = DocExampleFile.Load(Path.Combine(RepoRoot(), "tests", "spark-doc-examples", "examples.txt"));
        using var db = new TestDb();
        db.Execute("SET TimeZone='America/Los_Angeles'");
        var results = examples.Where(e => e.Excluded is null).Select(e => (Example: e, Actual: Run(db, e.Query))).ToList();
        var failures = results.Where(r => !Matches(r.Example, r.Actual)).ToList();
        var supported = results.Where(r => IsSupported(r.Example.Function)).ToList();
        var supportedFailures = failures.Where(r => IsSupported(r.Example.Function)).ToList();
        var supportedRate = Rate(supported.Count - supportedFailures.Count, supported.Count);

        var report = new StringBuilder();
        report.AppendLine($"examples: {examples.Count}, excluded: {examples.Count(e => e.Excluded is not null)}");
        report.AppendLine($"supported functions: {supported.Count - supportedFailures.Count}/{supported.Count} match ({supportedRate:P1})");
        report.AppendLine($"all documented examples: {results.Count - failures.Count}/{results.Count} match ({Rate(results.Count - failures.Count, results.Count):P1})");
        report.AppendLine("mismatches (function: query => expected | actual):");
        foreach (var (example, actual) in failures.OrderBy(f => !IsSupported(f.Example.Function)))
        {
            report.AppendLine($"  {(IsSupported(example.Function) ? "" : "[unsupported] ")}{example.Function}: {example.Query} => {Flat(example.Expected)} | {Flat(actual)}");
        }
        output.WriteLine(report.ToString());
        Assert.True(supportedRate >= RequiredRate, report.ToString());
    }

    private static string Run(TestDb db, string query)
    {
        try
        {
            return string.Join("\n", db.SparkText(query));
        }
        catch (Exception e)
        {
            return "error: " + e.Message.Split('\n')[0];
        }
    }

    private static double Rate(int passed, int total) => total == 0 ? 1 : (double)passed / total;

    /// <summary>
    /// Spark's comparison (unindentAndTrim), except that the rows of a query without a top-level
    /// ORDER BY are compared as a multiset: neither Spark nor DuckDB define their order, and the
    /// documented order is what Spark's operators happened to produce.
    /// </summary>
    public static bool Matches(DocExample example, string actual)
    {
        var expected = Normalize(example.Expected);
        actual = Normalize(actual);
        if (expected == actual)
        {
            return true;
        }
        return !HasTopLevelOrderBy(example.Query) && Sorted(expected) == Sorted(actual);
    }

    private static string Sorted(string text) => string.Join("\n", text.Split('\n').Order(StringComparer.Ordinal));

    private static bool HasTopLevelOrderBy(string query)
    {
        var depth = 0;
        var outside = new StringBuilder();
        foreach (var ch in query)
        {
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            outside.Append(depth == 0 ? ch : ' ');
        }
        return OrderBy().IsMatch(outside.ToString());
    }

    [GeneratedRegex(@"\border\s+by\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrderBy();

    /// <summary>Spark's unindentAndTrim.</summary>
    public static string Normalize(string text) => Indentation().Replace(text, "\n").Trim();

    private static string Flat(string text) => text.Replace("\n", "⏎", StringComparison.Ordinal);

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ByzerSharp.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex(@"\n\s+")]
    private static partial Regex Indentation();
}
