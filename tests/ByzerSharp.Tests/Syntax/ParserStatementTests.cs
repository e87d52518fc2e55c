using ByzerSharp.Syntax.Ast;
using ByzerSharp.Syntax.Parsing;
using Xunit;
using static ByzerSharp.Tests.Syntax.ParserTestHelpers;

namespace ByzerSharp.Tests.Syntax;

/// <summary>Every statement form of the spec (§1.2) and what the AST keeps of it.</summary>
public sealed class ParserStatementTests
{
    [Fact]
    public void Load_keeps_format_path_options_and_table_with_spans()
    {
        var s = Single<LoadStatement>("load csv.`/tmp/a.csv` where header=\"true\" and sep=',' as t;");
        Assert.Equal((1, 6, "csv"), At(s.Format));
        Assert.Equal("/tmp/a.csv", s.Path.Text);
        Assert.True(s.Path.Backquoted);
        Assert.Equal((1, 10, "`/tmp/a.csv`"), At(s.Path));
        Assert.Equal(2, s.Options.Count);
        Assert.Equal("header", s.Options[0].Key);
        Assert.Equal("true", s.Options[0].Value);
        Assert.Equal(QuoteKind.Double, s.Options[0].Quote);
        Assert.Equal((1, 29, "header"), At(s.Options[0].KeySpan));
        Assert.Equal((1, 36, "\"true\""), At(s.Options[0].ValueSpan));
        Assert.Equal(",", s.Options.Get("sep"));
        Assert.Equal(QuoteKind.Single, s.Options[1].Quote);
        Assert.Equal((1, 58, "t"), At(s.TableName));
        // The statement span excludes the ';'.
        Assert.Equal("load csv.`/tmp/a.csv` where header=\"true\" and sep=',' as t", s.Text);
    }

    [Theory]
    [InlineData("load csv.`/a` options header=\"true\" as t;")]
    [InlineData("load csv.`/a` header=\"true\" as t;")]
    [InlineData("LOAD csv.`/a` WHERE header=\"true\" AS t;")]
    public void Options_clause_keyword_is_where_options_or_none(string text)
    {
        var s = Single<LoadStatement>(text);
        Assert.Equal("true", s.Options.Get("header"));
    }

    [Fact]
    public void Where_without_options_and_leading_and_are_legal()
    {
        Assert.Empty(Single<LoadStatement>("load csv.`/a` where as t;").Options);
        Assert.Equal("1", Single<LoadStatement>("load csv.`/a` where and a=\"1\" as t;").Options.Get("a"));
    }

    [Fact]
    public void Path_may_be_a_plain_name_and_format_may_be_backquoted()
    {
        var s = Single<LoadStatement>("load `csv`.data as t;");
        Assert.Equal("csv", s.Format.Text);
        Assert.True(s.Format.Backquoted);
        Assert.Equal("data", s.Path.Text);
        Assert.False(s.Path.Backquoted);
    }

    [Fact]
    public void Empty_backquoted_path_is_legal()
    {
        var s = Single<TrainStatement>("run t as TableRepartition.`` where partitionNum=\"2\" as t2;");
        Assert.Equal("", s.Path.Text);
        Assert.Equal((1, 27, "``"), At(s.Path));
    }

    [Fact]
    public void Doubled_backquotes_are_kept_as_in_byzer()
    {
        var s = Single<LoadStatement>("load csv.`a``b` as t;");
        Assert.Equal("a``b", s.Path.Text);
    }

    [Theory]
    [InlineData("save t as csv.`/o`;", SaveMode.ErrorIfExists)]
    [InlineData("save overwrite t as csv.`/o`;", SaveMode.Overwrite)]
    [InlineData("save append t as csv.`/o`;", SaveMode.Append)]
    [InlineData("save ignore t as csv.`/o`;", SaveMode.Ignore)]
    [InlineData("save errorIfExists t as csv.`/o`;", SaveMode.ErrorIfExists)]
    [InlineData("save ERRORIFEXISTS t as csv.`/o`;", SaveMode.ErrorIfExists)]
    [InlineData("save errorifexists t as csv.`/o`;", SaveMode.ErrorIfExists)]
    [InlineData("SAVE OVERWRITE t AS csv.`/o`;", SaveMode.Overwrite)]
    [InlineData("save overwrite append t as csv.`/o`;", SaveMode.Append)]
    public void Save_modes_in_any_case_and_the_last_wins(string text, SaveMode mode)
    {
        var s = Single<SaveStatement>(text);
        Assert.Equal(mode, s.Mode);
        Assert.Equal("t", s.TableName.Text);
        Assert.Equal("/o", s.Path.Text);
    }

    [Fact]
    public void Save_with_options_and_partitionBy()
    {
        var s = Single<SaveStatement>("save overwrite t as parquet.`/p` where fileNum=\"2\" partitionBy a, `b c`;");
        Assert.Equal("parquet", s.Format.Text);
        Assert.Equal("2", s.Options.Get("fileNum"));
        Assert.Equal(["a", "b c"], s.PartitionBy.Select(c => c.Text));
        Assert.Equal((1, 67, "`b c`"), At(s.PartitionBy[1]));
        Assert.Equal(["a"], Single<SaveStatement>("save t as csv.`/o` PARTITIONBY a;").PartitionBy.Select(c => c.Text));
        Assert.Empty(Single<SaveStatement>("save t as csv.`/o` partitionBy;").PartitionBy);
    }

    [Theory]
    [InlineData("select 1 as a as t;", "select 1 as a", "t")]
    [InlineData("select 1 as a AS T;", "select 1 as a", "T")]
    [InlineData("SELECT * FROM x As `my table`;", "SELECT * FROM x", "my table")]
    [InlineData("select 'a;b' as s as t;", "select 'a;b' as s", "t")]
    [InlineData("select 1 -- as x;\n as t;", "select 1 -- as x;", "t")]
    [InlineData("select a /* ; */ from x as t", "select a /* ; */ from x", "t")]
    [InlineData("select `a;b` from x as t;", "select `a;b` from x", "t")]
    [InlineData("select x:y, x#1, ü from x as t;", "select x:y, x#1, ü from x", "t")]
    public void Select_takes_the_last_as_as_table_name(string text, string query, string table)
    {
        var s = Single<SelectStatement>(text);
        Assert.Equal(query, s.Query.Text);
        Assert.Equal(table, s.TableName.Text);
    }

    [Fact]
    public void Select_spans_multiple_lines()
    {
        var s = Single<SelectStatement>("-- header\nselect a,\n  b\nfrom x\nas t;");
        Assert.Equal((2, 1, "select a,\n  b\nfrom x"), At(s.Query));
        Assert.Equal((5, 4, "t"), At(s.TableName));
    }

    [Theory]
    [InlineData("insert into t values (1);", typeof(InsertStatement))]
    [InlineData("create table t (a int);", typeof(CreateStatement))]
    [InlineData("drop table t;", typeof(DropStatement))]
    [InlineData("refresh table t;", typeof(RefreshStatement))]
    [InlineData("INSERT overwrite table t select * from s;", typeof(InsertStatement))]
    public void Sql_statements_pass_through_verbatim(string text, Type type)
    {
        var statement = Assert.Single(ScriptParser.Parse(text).Statements);
        Assert.IsType(type, statement);
        Assert.Equal(text.TrimEnd(';'), statement.Text);
    }

    [Theory]
    [InlineData("set a = \"x y\";", "a", "x y", QuoteKind.Double)]
    [InlineData("set a = 'x';", "a", "x", QuoteKind.Single)]
    [InlineData("set a = '''x \"quoted\" 'y' ''';", "a", "x \"quoted\" 'y' ", QuoteKind.Triple)]
    [InlineData("set a = `select 1`;", "a", "select 1", QuoteKind.Backquote)]
    [InlineData("set a = b.c;", "a", "b.c", QuoteKind.None)]
    [InlineData("set spark.sql.shuffle = 12;", "spark.sql.shuffle", "12", QuoteKind.None)]
    [InlineData("set `a-b` = \"1\";", "a-b", "1", QuoteKind.Double)]
    public void Set_values(string text, string key, string value, QuoteKind quote)
    {
        var s = Single<SetStatement>(text);
        Assert.Equal(key, s.Key);
        Assert.Equal(value, s.Value);
        Assert.Equal(quote, s.ValueQuote);
    }

    [Fact]
    public void Set_with_options_and_spans()
    {
        var s = Single<SetStatement>("set  x = `select 1` where type=\"sql\" and scope='session';");
        Assert.Equal((1, 6, "x"), At(s.KeySpan));
        Assert.Equal((1, 10, "`select 1`"), At(s.ValueSpan));
        Assert.Equal("sql", s.Options.Get("type"));
        Assert.Equal("session", s.Options.Get("scope"));
    }

    [Fact]
    public void Multi_line_strings_keep_their_newlines_and_escapes()
    {
        var s = Single<SetStatement>("set a = \"line1\nline2 \\\" still\";");
        Assert.Equal("line1\nline2 \\\" still", s.Value);
    }

    [Fact]
    public void Connect_with_and_without_name()
    {
        var s = Single<ConnectStatement>("connect jdbc where url=\"jdbc:x\" and driver=\"d\" as db_1;");
        Assert.Equal("jdbc", s.Format.Text);
        Assert.Equal("jdbc:x", s.Options.Get("url"));
        Assert.Equal((1, 51, "db_1"), At(s.ConnectionName!));
        Assert.Null(Single<ConnectStatement>("connect jdbc where url=\"x\";").ConnectionName);
        Assert.Equal("a.b", Single<ConnectStatement>("connect jdbc as a.b;").ConnectionName!.Text);
    }

    [Theory]
    [InlineData("train data as RandomForest.`/tmp/model` where keepVersion=\"true\";", TrainKind.Train, null)]
    [InlineData("run data as TableRepartition.`` where partitionNum=\"2\" as out;", TrainKind.Run, "out")]
    [InlineData("predict data as RandomForest.`/tmp/model` as a as b;", TrainKind.Predict, "b")]
    [InlineData("train data into RandomForest.`/tmp/model`;", TrainKind.Train, null)]
    [InlineData("RUN data AS TableRepartition.`` AS out;", TrainKind.Run, "out")]
    public void Train_run_predict(string text, TrainKind kind, string? output)
    {
        var s = Single<TrainStatement>(text);
        Assert.Equal(kind, s.Kind);
        Assert.Equal("data", s.InputTable.Text);
        Assert.Equal(output, s.OutputTable?.Text);
        Assert.Equal(kind.ToString().ToLowerInvariant(), s.Keyword);
    }

    [Fact]
    public void Train_option_keys_with_dots_and_backquoted_keys()
    {
        var s = Single<TrainStatement>("train d as RandomForest.`/m` where fitParam.0.labelCol=\"label\" and `fitParam.0-x`=\"y\" and `driver-memory`='2g';");
        Assert.Equal("label", s.Options.Get("fitParam.0.labelCol"));
        Assert.Equal("y", s.Options.Get("fitParam.0-x"));
        Assert.Equal("2g", s.Options.Get("driver-memory"));
        Assert.Equal((1, 36, "fitParam.0.labelCol"), At(s.Options[0].KeySpan));
    }

    [Fact]
    public void Register_and_unregister()
    {
        var r = Single<RegisterStatement>("register ScriptUDF.`` as plusFun where code='''def apply(a:Double,b:Double)={ a + b }''' and lang=\"scala\";");
        Assert.Equal("ScriptUDF", r.Module.Text);
        Assert.Equal("plusFun", r.FunctionName.Text);
        Assert.Equal("def apply(a:Double,b:Double)={ a + b }", r.Options.Get("code"));
        Assert.Equal(QuoteKind.Triple, r.Options.Find("code")!.Quote);
        var u = Single<UnregisterStatement>("unregister ScriptUDF.`plusFun`;");
        Assert.Equal("plusFun", u.Path.Text);
    }

    [Fact]
    public void Include()
    {
        var s = Single<IncludeStatement>("include local.`/scripts/lib.byzer` where libMirror=\"x\";");
        Assert.Equal("local", s.Format.Text);
        Assert.Equal("/scripts/lib.byzer", s.Path.Text);
        Assert.Equal("x", s.Options.Get("libMirror"));
    }

    [Fact]
    public void Command_glues_adjacent_raw_tokens()
    {
        var s = Single<CommandStatement>("!hdfs -ls /tmp/a.csv;");
        Assert.Equal("hdfs", s.Name.Text);
        Assert.Equal((1, 2, "hdfs"), At(s.Name));
        Assert.Equal(["-ls", "/tmp/a.csv"], s.Args.Select(a => a.Text));
        Assert.All(s.Args, a => Assert.Equal(QuoteKind.None, a.Quote));
        Assert.Equal((1, 11, "/tmp/a.csv"), At(s.Args[1].Span));
    }

    [Fact]
    public void Command_quoted_args_are_unquoted_and_separate()
    {
        var s = Single<CommandStatement>("!sh wget \"https://x.org/a b\" 'c' '''d''' `e`;");
        Assert.Equal(["wget", "https://x.org/a b", "c", "d", "e"], s.Args.Select(a => a.Text));
        Assert.Equal([QuoteKind.None, QuoteKind.Double, QuoteKind.Single, QuoteKind.Triple, QuoteKind.Backquote], s.Args.Select(a => a.Quote));
        var glued = Single<CommandStatement>("!show\n  tables;");
        Assert.Equal(["tables"], glued.Args.Select(a => a.Text));
        Assert.Empty(Single<CommandStatement>("!show;").Args);
        Assert.Equal(["a.b", "~/x", ">", "y"], Single<CommandStatement>("!cmd a.b ~/x > y").Args.Select(a => a.Text));
    }

    [Fact]
    public void Comments_anywhere_between_tokens()
    {
        var s = Single<LoadStatement>("/* lead */ load -- c1;\n csv /**/ . /* ; */ `/a` -- where x=\"1\"\n where /*k*/ a = \"1\" as -- ;\n t -- trailing ;\n;");
        Assert.Equal("csv", s.Format.Text);
        Assert.Equal("1", s.Options.Get("a"));
        Assert.Equal((4, 2, "t"), At(s.TableName));
    }

    [Fact]
    public void Comment_starting_with_plus_is_not_a_comment()
    {
        // /*+ is a Spark hint: it stays inside select bodies, and is an error elsewhere.
        var s = Single<SelectStatement>("select /*+ BROADCAST(x) */ * from x as t;");
        Assert.Contains("/*+ BROADCAST(x) */", s.Query.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Semicolons_inside_strings_backquotes_and_comments_do_not_split()
    {
        var script = ScriptParser.Parse("set a = \"x;y\";\nload csv.`/p;q` where s=''';''' as t; -- ;\n/* ; */ select ';' as c as u;");
        Assert.Equal(3, script.Statements.Count);
        Assert.Equal("x;y", ((SetStatement)script.Statements[0]).Value);
        Assert.Equal("/p;q", ((LoadStatement)script.Statements[1]).Path.Text);
    }

    [Fact]
    public void Final_semicolon_is_optional_and_empty_statements_are_ignored()
    {
        Assert.Equal(2, ScriptParser.Parse(";; set a = \"1\";;; set b = \"2\"").Statements.Count);
        Assert.Empty(ScriptParser.Parse("").Statements);
        Assert.Empty(ScriptParser.Parse("-- only a comment\n/* and this */").Statements);
    }

    [Fact]
    public void Block_string_may_contain_quotes_and_newlines()
    {
        var s = Single<SetStatement>("set code = '''\nprint(\"a\") ; x = 'b'\n''';");
        Assert.Equal("\nprint(\"a\") ; x = 'b'\n", s.Value);
        Assert.Equal(1, s.ValueSpan.Line);
    }

    [Fact]
    public void Statement_spans_report_line_and_column()
    {
        var script = ScriptParser.Parse("set a = \"1\";\n\n  select 1 as x as t;\n!show tables;");
        Assert.Equal([(1, 1), (3, 3), (4, 1)], script.Statements.Select(s => (s.Span.Line, s.Span.Column)));
        Assert.Equal(["set", "select", "!show"], script.Statements.Select(s => s.Keyword));
    }

    [Fact]
    public void Keywords_are_case_insensitive_and_identifiers_keep_case()
    {
        var s = Single<LoadStatement>("LoAd CSV.`/A` WhErE Header=\"True\" As MyTable;");
        Assert.Equal("CSV", s.Format.Text);
        Assert.Equal("True", s.Options.Get("Header"));
        Assert.Equal("MyTable", s.TableName.Text);
    }

    [Fact]
    public void Keywords_can_be_names_in_backquotes()
    {
        var s = Single<LoadStatement>("load csv.`/a` where `where`=\"1\" as `select`;");
        Assert.Equal("select", s.TableName.Text);
        Assert.Equal("1", s.Options.Get("where"));
    }

    [Fact]
    public void Digits_only_names_are_identifiers()
    {
        var s = Single<LoadStatement>("load csv.`/a` as 123;");
        Assert.Equal("123", s.TableName.Text);
    }
}
