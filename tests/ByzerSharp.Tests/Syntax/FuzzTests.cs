using System.Diagnostics;
using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Parsing;
using Xunit;

namespace ByzerSharp.Tests.Syntax;

/// <summary>
/// Mutated valid scripts must either parse or fail with a located syntax error, never with any
/// other exception and never slowly. Deterministic: the seed is the iteration number, so a failure
/// names the input that reproduces it.
/// </summary>
public sealed class FuzzTests
{
    // BYZER_FUZZ_ITERATIONS=100000 runs a deeper search locally; CI keeps the default fast.
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("BYZER_FUZZ_ITERATIONS"), out var n) ? n : 4000;
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(5);

    [Fact]
    public void Corpus_is_not_empty_and_parses()
    {
        var corpus = FuzzCorpus.Scripts();
        Assert.True(corpus.Count >= 5, $"only {corpus.Count} corpus scripts");
        foreach (var script in corpus)
        {
            // Golden error records are in the corpus too, so only the no-crash promise is checked here.
            Check(script);
        }
    }

    [Fact]
    public void Mutated_scripts_parse_or_fail_with_a_located_syntax_error()
    {
        var corpus = FuzzCorpus.Scripts();
        var failures = new List<string>();
        for (var i = 0; i < Iterations && failures.Count < 5; i++)
        {
            var text = new Mutator(i).Mutate(corpus[i % corpus.Count]);
            var problem = Check(text);
            if (problem is not null)
            {
                failures.Add($"seed {i}: {problem}\ninput: {Escape(text)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>Null when the parser behaved; otherwise what went wrong.</summary>
    internal static string? Check(string text)
    {
        Exception? thrown = null;
        var clock = Stopwatch.StartNew();
        var task = Task.Run(() =>
        {
            try
            {
                // The REPL and the golden runner split input with these before parsing it.
                ScriptParser.IsComplete(text);
                ScriptParser.SplitStatements(text);
                ScriptParser.Parse(text, "fuzz.byzer");
            }
            catch (Exception e)
            {
                thrown = e;
            }
        });
        if (!task.Wait(PerInput))
        {
            return $"parse did not finish within {PerInput.TotalSeconds}s";
        }
        if (thrown is null)
        {
            return null;
        }
        if (thrown is not ByzerException b)
        {
            return $"unexpected {thrown.GetType().Name}: {thrown}";
        }
        if (b.Kind != ErrorKind.Syntax)
        {
            return $"kind {b.Kind} instead of Syntax: {b.Message}";
        }
        if (b.Span is not { } span || span.Start < 0 || span.End > text.Length || span.Length < 0)
        {
            return $"span outside the text ({b.Span?.Start}+{b.Span?.Length} of {text.Length}): {b.Message}";
        }
        var rendered = b.Render();
        if (!rendered.Split('\n').Any(l => l.TrimStart().StartsWith("| ", StringComparison.Ordinal) && l.Contains('^', StringComparison.Ordinal)))
        {
            return "rendered error has no caret line:\n" + rendered;
        }
        return clock.Elapsed > PerInput ? "too slow" : null;
    }

    private static string Escape(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
