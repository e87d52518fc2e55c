using ByzerSharp.SparkSql.Binding;

namespace ByzerSharp.SparkSql.Tests;

public sealed class BinderTests : IDisposable
{
    private readonly TestDb _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("select count(*) from t", "count(1)", "bigint")]
    [InlineData("select sum(id) from t", "sum(id)", "bigint")]
    [InlineData("select id / 2 from t", "(id / 2)", "double")]
    [InlineData("select id div 2 from t", "(id div 2)", "bigint")]
    [InlineData("select concat(s, 'x') from t", "concat(s, x)", "string")]
    [InlineData("select d * 2 from t", "(d * 2)", "decimal(4,1)")]
    [InlineData("select cast(id as string) from t", "CAST(id AS STRING)", "string")]
    [InlineData("select split(s, ',')[0] from t", "split(s, ,, -1)[0]", "string")]
    [InlineData("select length(s) from t", "length(s)", "int")]
    [InlineData("select if(id > 1, 'x', 1) from t", "(IF((id > 1), x, 1))", "string")]
    public void SparkNamesAndTypes(string sql, string name, string type)
    {
        var q = _db.Translate(sql);
        Assert.Equal(name, q.Columns[0].Name);
        Assert.Equal(type, q.Columns[0].Type.ToString());
    }

    [Fact]
    public void UnknownFunctionSuggestsAName()
    {
        var e = Assert.Throws<SqlError>(() => _db.Translate("select uper(s) from t"));
        Assert.Contains("uper", e.Message, StringComparison.Ordinal);
        Assert.Equal(7, e.Offset);
        Assert.Equal("did you mean 'upper'?", e.Hint);
    }

    [Fact]
    public void UnknownColumnPointsAtIt()
    {
        var e = Assert.Throws<SqlError>(() => _db.Translate("select id, nme from t"));
        Assert.Equal(11, e.Offset);
        Assert.Contains("cannot resolve 'nme'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTableSuggests()
    {
        var e = Assert.Throws<SqlError>(() => _db.Translate("select * from tt"));
        Assert.Equal("did you mean 't'?", e.Hint);
    }

    [Fact]
    public void ZeroBasedIndexBecomesOneBased()
    {
        Assert.Equal("b", _db.Scalar("select split('a,b,c', ',')[1]"));
        Assert.Equal("NULL", _db.Scalar("select split('a,b,c', ',')[id + 5] from t"));
    }

    [Fact]
    public void JavaRegexFallsBackToDotNet()
    {
        var q = _db.Translate("select regexp_replace(s, '(?<=a)b', 'x') from t");
        Assert.Contains("java_regexp_replace", q.Sql, StringComparison.Ordinal);
        Assert.Equal("axc", _db.Scalar("select regexp_replace('abc', '(?<=a)b', 'x')"));
    }

    [Fact]
    public void SplitWithLimitUsesJavaSemantics()
    {
        Assert.Equal("a|b,c", string.Join("|", (List<string>)GetList("select split('a,b,c', ',', 2)")));
    }

    private object GetList(string sql)
    {
        var row = _db.Translate(sql);
        using var c = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
        c.Open();
        Runtime.SparkRuntime.Install(c);
        using var cmd = c.CreateCommand();
        cmd.CommandText = row.Sql;
        return cmd.ExecuteScalar()!;
    }
}

public sealed class SessionFunctionTests : IDisposable
{
    private readonly TestDb _db = new();

    public SessionFunctionTests() => _db.Execute("CREATE TEMP MACRO arrayLast(a) AS a[-1]");

    public void Dispose() => _db.Dispose();

    [Fact]
    public void PipelineLabelExpressionWithASessionUdf()
    {
        var sql = "select split(arrayLast(split('/data/img/cat_001.png', '/')), '_')[1] as id";
        var q = SparkSqlTranslator.Translate(sql, _db, new Registry());
        Assert.Contains("arrayLast(", q.Sql, StringComparison.Ordinal);
        Assert.Equal("001.png", _db.Scalar(q.Sql, raw: true));
    }

    [Fact]
    public void UnregisteredUdfIsAnError()
    {
        var e = Assert.Throws<SqlError>(() => SparkSqlTranslator.Translate("select arrayFirst(array(1))", _db));
        Assert.Equal(7, e.Offset);
    }

    private sealed class Registry : IFunctionRegistry
    {
        public SessionFunction? Find(string name) => name.Equals("arrayLast", StringComparison.OrdinalIgnoreCase) ? new SessionFunction("arrayLast", Types.SparkType.Unknown) : null;

        public IEnumerable<string> Names => ["arrayLast"];
    }
}

public sealed class SemanticsTests : IDisposable
{
    private readonly TestDb _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("select transform(array(10, 20), (x, i) -> i)", "[0, 1]")]
    [InlineData("select size(cast(null as array<int>))", "-1")]
    [InlineData("select concat_ws('-', 'a', null, 'b')", "a-b")]
    [InlineData("select cast('2020' as date)", "2020-01-01")]
    [InlineData("select '10' < 9", "False")]
    [InlineData("select 'a_c' like 'a\\\\_c'", "True")]
    [InlineData("select regexp_extract('abc', '(x)?b', 1)", "")]
    public void SparkResults(string sql, string expected) => Assert.Equal(expected, _db.Scalar(sql));

    [Fact]
    public void SemiJoinHidesTheRightSide()
    {
        _db.Execute("CREATE TABLE u AS SELECT 1 AS id, 'z' AS other");
        var e = Assert.Throws<SqlError>(() => _db.Translate("select other from t left semi join u on t.id = u.id"));
        Assert.Contains("cannot resolve 'other'", e.Message, StringComparison.Ordinal);
    }
}
