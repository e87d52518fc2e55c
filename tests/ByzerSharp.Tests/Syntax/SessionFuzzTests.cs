using ByzerSharp.Diagnostics;
using Xunit;

namespace ByzerSharp.Tests.Syntax;

/// <summary>
/// Mutated scripts run end to end (parse, plan, DuckDB): only <see cref="ByzerException"/> may
/// escape. The corpus only reads files inside a temp home; mutants that could write, delete or run
/// anything (save, include, !commands, shell) are skipped rather than run.
/// </summary>
public sealed class SessionFuzzTests : IDisposable
{
    // BYZER_SESSION_FUZZ_ITERATIONS raises the count for a deeper local search.
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("BYZER_SESSION_FUZZ_ITERATIONS"), out var n) ? n : 200;
    private static readonly TimeSpan PerScript = TimeSpan.FromSeconds(20);

    private static readonly string[] Corpus =
    [
        "load csv.`ab.csv` where header=\"true\" and inferSchema=\"true\" as t;\nselect a, b from t where a > 1 as t2;",
        "set n = \"2\";\nload csv.`ab.csv` where header=\"true\" and inferSchema=\"true\" as t;\nselect a * ${n} as x, upper(b) as y from t as t3;",
        "load json.`rows.json` as j;\nselect id, name from j order by id as out;",
        "set q = `select 1 as one` where type=\"sql\";\nselect '${q}' as s as r;",
        "set greeting = '''hello \"world\" ; x''';\nselect '${greeting}' as g as r;",
        "load csv.`ab.csv` where header=\"true\" as t;\n-- comment; here\nselect count(*) as c /* ; */ from t as r;",
        "select 1 as a, 'x;y' as b from (select 1 as a) as r;",
        "load csv.`ab.csv` where header=\"false\" as raw;\nselect * from raw limit 2 as r;",
    ];

    private static readonly string[] Unsafe = ["save", "!", "include", "shell", "copy", "export", "install", "attach", "train", "run", "predict", "register", "connect"];

    private readonly string _home = Path.Combine(Path.GetTempPath(), "byzer-session-fuzz-" + Guid.NewGuid().ToString("N"));

    public SessionFuzzTests()
    {
        Directory.CreateDirectory(_home);
        File.Copy(Path.Combine(RepoPaths.Root, "tests", "golden", "data", "ab.csv"), Path.Combine(_home, "ab.csv"));
        File.WriteAllText(Path.Combine(_home, "rows.json"), "{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b\"}\n");
        _engine = new ByzerEngine(new ByzerOptions { Home = _home, ScratchDirectory = Path.Combine(_home, ".scratch"), TimeZone = "UTC" });
    }

    private readonly ByzerEngine _engine;

    public void Dispose()
    {
        _engine.Dispose();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void Unmutated_corpus_runs()
    {
        foreach (var script in Corpus)
        {
            Assert.Null(Run(script, out var error));
            Assert.Null(error);
        }
    }

    [Fact]
    public void Mutated_scripts_only_throw_ByzerException()
    {
        var failures = new List<string>();
        var ran = 0;
        for (var i = 0; i < Iterations * 3 && ran < Iterations && failures.Count < 5; i++)
        {
            var text = new Mutator(i).Mutate(Corpus[i % Corpus.Length]);
            if (Unsafe.Any(u => text.Contains(u, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            ran++;
            var problem = Run(text, out var error);
            if (problem is not null && (error is not ByzerException || problem.StartsWith("span", StringComparison.Ordinal)))
            {
                failures.Add($"seed {i}: {problem}\ninput: {text.Replace("\n", "\\n", StringComparison.Ordinal)}");
            }
        }
        Assert.True(ran >= Iterations / 2, $"only {ran} mutants were safe to run");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>Null when the script ran or failed with a ByzerException; otherwise what went wrong.</summary>
    private string? Run(string text, out Exception? error)
    {
        Exception? thrown = null;
        var task = Task.Run(() =>
        {
            try
            {
                using var session = _engine.CreateSession();
                session.Run(text, "fuzz.byzer");
            }
            catch (Exception e)
            {
                thrown = e;
            }
        });
        if (!task.Wait(PerScript))
        {
            error = null;
            return $"did not finish within {PerScript.TotalSeconds}s";
        }
        error = thrown;
        return thrown switch
        {
            null => null,
            ByzerException b when b.Span is null || b.Span.Value.End <= b.Span.Value.File.Text.Length => "error: " + b.Message,
            ByzerException b => $"span outside the text: {b.Render()}",
            _ => $"{thrown.GetType().Name}: {thrown}",
        };
    }
}
