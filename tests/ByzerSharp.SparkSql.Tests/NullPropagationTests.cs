namespace ByzerSharp.SparkSql.Tests;

/// <summary>The C# functions registered in DuckDB give NULL for a NULL argument, as Spark's built-ins do.</summary>
public sealed class NullPropagationTests : IDisposable
{
    private readonly TestDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void DoubleToStringOfANullableColumn() =>
        Assert.Equal(["2.5", "NULL", "4.0"], _db.SparkText("select cast(d as string) from t order by id"));

    [Fact]
    public void JavaRegexFunctionsOnNullStrings() =>
        Assert.Equal(["false\t[\"a\"]", "false\t[\"b\"]", "NULL\tNULL"], _db.SparkText("select s rlike 'a(?=b)', split(s, 'x+', 2) from t order by id"));
}
