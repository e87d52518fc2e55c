using Xunit;

namespace ByzerSharp.Tests.Cli;

public sealed class ExplainCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Explain_prints_one_step_per_statement_without_running()
    {
        // The path does not exist: explain must not touch it.
        var file = _cli.Script("""
            set n = "3";
            load csv.`/no/such/file.csv` where header="true" as t;
            select a from t where a > ${n} as t2;
            save overwrite t2 as parquet.`/no/such/out`;
            """);
        var r = _cli.Run("explain", file);
        Assert.True(r.ExitCode == 0, r.Error);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("load", StringComparison.OrdinalIgnoreCase) && l.Contains("/no/such/file.csv", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("save", StringComparison.OrdinalIgnoreCase) && l.Contains("overwrite", StringComparison.OrdinalIgnoreCase));
        Assert.False(File.Exists("/no/such/out"));
    }

    [Fact]
    public void Explain_output_is_exact_and_stable()
    {
        // Golden-style: the plan text is part of the CLI's contract (docs/cli.md shows it).
        var file = _cli.Script("""
            set n = "3";
            load csv.`/d/a.csv` where header="true" as t;
            select a from t where a > ${n} as t2;
            save overwrite t2 as parquet.`/o` partitionBy a;
            """, "plan.byzer");
        var first = _cli.Run("explain", file);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(
            $$"""
            1. [session] Set n (text) = 3   ({{file}}:1)
            2. [duckdb] Load csv `/d/a.csv` {header="true"} -> t   ({{file}}:2)
            3. [duckdb] Select -> t2: select a from t where a > ${n}   ({{file}}:3)
            4. [duckdb] Save overwrite t2 -> parquet `/o` partitionBy a   ({{file}}:4)

            """,
            first.Out);
        Assert.Equal(first.Out, _cli.Run("explain", file).Out);
    }

    [Fact]
    public void Explain_reports_syntax_errors_with_65()
    {
        var file = _cli.Script("lod csv.`/a` as t;");
        var r = _cli.Run("explain", file);
        Assert.Equal(65, r.ExitCode);
        Assert.Contains("did you mean 'load'?", r.Error, StringComparison.Ordinal);
    }
}
