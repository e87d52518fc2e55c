using System.Text.Json;
using Xunit;

namespace ByzerSharp.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Version_prints_the_product_version_without_commit_hash()
    {
        var r = _cli.Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^byzer \d+\.\d+\.\d+\n$", r.Out);
    }

    [Fact]
    public void Help_lists_the_commands()
    {
        var r = _cli.Run("--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("run <file>", r.Out, StringComparison.Ordinal);
        Assert.Contains("explain <file>", r.Out, StringComparison.Ordinal);
        Assert.Contains("repl", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "x.byzer", "--bogus")]
    [InlineData("run", "x.byzer", "--format", "xml")]
    [InlineData("frobnicate")]
    [InlineData("run")]
    public void Bad_flags_exit_64(params string[] args)
    {
        var r = _cli.Run(args);
        Assert.Equal(64, r.ExitCode);
        Assert.StartsWith("byzer: error: ", r.Error, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Missing_file_exits_64()
    {
        var r = _cli.Run("run", Path.Combine(_cli.Directory, "nope.byzer"));
        Assert.Equal(64, r.ExitCode);
        Assert.Contains("cannot read", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Var_without_equals_exits_64()
    {
        var file = _cli.Script("select 1 as a as t;");
        var r = _cli.Run("run", file, "--var", "novalue");
        Assert.Equal(64, r.ExitCode);
        Assert.Contains("--var expects key=value, got 'novalue'", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Var_is_substituted()
    {
        var file = _cli.Script("select '${who}' as greeting as t;");
        var r = _cli.Run("run", file, "--var", "who=world", "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("greeting\nworld\n", r.Out);
    }

    [Fact]
    public void Syntax_error_exits_65_with_rendered_diagnostic()
    {
        var file = _cli.Script("load csv.`/a.csv` t;");
        var r = _cli.Run("run", file);
        Assert.Equal(65, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Contains($"{file}:1:19: error: ", r.Error, StringComparison.Ordinal);
        Assert.Contains(" 1 | load csv.`/a.csv` t;\n   |                   ^\n", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_table_exits_65()
    {
        var file = _cli.Script("select * from nope as t;");
        var r = _cli.Run("run", file);
        Assert.Equal(65, r.ExitCode);
        Assert.Contains("Table or view not found: nope", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_error_exits_70()
    {
        var file = _cli.Script($"load csv.`{_cli.Directory}/missing.csv` as t;");
        var r = _cli.Run("run", file);
        Assert.Equal(70, r.ExitCode);
        Assert.Contains("error: ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirected_table_output_is_spark_show_text()
    {
        var file = _cli.Script("select 1 as a, 'x' as b as t;");
        var r = _cli.Run("run", file);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("+---+---+\n|  a|  b|\n+---+---+\n|  1|  x|\n+---+---+\n", r.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Terminal_table_output_is_a_spectre_table_with_types()
    {
        var file = _cli.Script("select 1 as a as t;");
        var r = _cli.Run("", true, "run", file);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("╭", r.Out, StringComparison.Ordinal);
        Assert.Contains("1 row", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_prints_only_a_spark_style_array_on_stdout()
    {
        var file = _cli.Script("""
            select 1 as i, cast(null as int) as n, 'x"y' as s, cast('2024-01-02' as date) as d,
              cast('2024-01-02 03:04:05.678' as timestamp) as ts, cast('ab' as binary) as bin,
              named_struct('a', 1, 'b', cast(null as string)) as st, array(1, 2) as arr, true as b
            as t;
            select * from t as shown;
            """);
        var r = _cli.Run("run", file, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        // Spark's toJSON writes timestamps with the session zone's offset (Z for UTC); the CLI's zone is the machine's.
        var offset = TimeZoneInfo.Local.GetUtcOffset(new DateTime(2024, 1, 2, 3, 4, 5));
        var zone = offset == TimeSpan.Zero ? "Z" : (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString("hh\\:mm", System.Globalization.CultureInfo.InvariantCulture);
        var expected = "[{\"i\":1,\"s\":\"x\\\"y\",\"d\":\"2024-01-02\",\"ts\":\"2024-01-02T03:04:05.678" + zone
            + "\",\"bin\":\"YWI=\",\"st\":{\"a\":1},\"arr\":[1,2],\"b\":true}]\n";
        Assert.Equal(expected, r.Out);
        using var parsed = JsonDocument.Parse(r.Out);
        Assert.Equal(JsonValueKind.Array, parsed.RootElement.ValueKind);
    }

    [Fact]
    public void Json_writes_floats_with_float_precision_decimals_with_their_scale_and_null_map_values()
    {
        // Spark's toJSON: 0.1f as 0.1, decimal(38,18) with its 18 digits, a map's null value kept, a struct's null field left out.
        var file = _cli.Script("""
            select cast(0.1 as float) as f, cast(1.5 as decimal(38,18)) as d, map('k', null) as m,
              named_struct('a', cast(null as int), 'b', 1) as st as t;
            """);
        var r = _cli.Run("run", file, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[{\"f\":0.1,\"d\":1.500000000000000000,\"m\":{\"k\":null},\"st\":{\"b\":1}}]\n", r.Out);
    }

    [Fact]
    public void Table_text_prints_structs_as_values_and_maps_as_arrows_like_spark_show()
    {
        var file = _cli.Script("""
            select named_struct('A', cast(null as int), 'B', 1) as s, map('A', null, 'B', 1) as m,
              array(named_struct('x', 1, 'y', named_struct('z', 'q'))) as arr,
              cast(0.1 as float) as f, cast(1.5 as decimal(38,18)) as d as t;
            """);
        var r = _cli.Run("run", file);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("|{null, 1}|{A -> null, B -> 1}|[{1, {q}}]|0.1|1.500000000000000000|", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_keeps_warnings_on_stderr()
    {
        var file = _cli.Script("select '${undefinedVar}' as v as t;");
        var r = _cli.Run("run", file, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("""[{"v":"${undefinedVar}"}]""" + "\n", r.Out);
        Assert.Contains("warning: unknown variable ${undefinedVar}", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_on_a_terminal_is_still_only_json()
    {
        // Progress and warnings may be drawn on a terminal's stderr, but stdout must stay parseable.
        var file = _cli.Script("select '${undefinedVar}' as v as t;");
        var r = _cli.Run("", true, "run", file, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("""[{"v":"${undefinedVar}"}]""" + "\n", r.Out);
    }

    [Fact]
    public void Json_of_a_script_without_table_is_an_empty_array()
    {
        var file = _cli.Script("set x = \"1\";");
        var r = _cli.Run("run", file, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[]\n", r.Out);
    }

    [Fact]
    public void Limit_below_zero_is_a_usage_error()
    {
        var file = _cli.Script("select 1 as a as t;");
        var r = _cli.Run("run", file, "--limit", "-1");
        Assert.Equal(64, r.ExitCode);
    }

    [Fact]
    public void Internal_errors_are_one_line_and_exit_70()
    {
        var error = new StringWriter { NewLine = "\n" };
        var host = new ByzerSharp.Cli.CliHost(new StringReader(""), new StringWriter(), error);
        Assert.Equal(70, host.ReportInternal(new InvalidOperationException("boom")));
        Assert.Equal("byzer: internal error: InvalidOperationException: boom\n  help: this is a bug in ByzerSharp; run again with --verbose for details and report it\n", error.ToString());
    }
}
