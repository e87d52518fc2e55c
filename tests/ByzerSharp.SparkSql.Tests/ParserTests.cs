using ByzerSharp.SparkSql.Ast;
using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Parsing;

namespace ByzerSharp.SparkSql.Tests;

public sealed class ParserTests
{
    [Fact]
    public void StringLiteralsFollowSparkLexing()
    {
        var e = Assert.IsType<Literal>(SparkParser.ParseExpr("\"a\\tb\" 'it''s' '\\d'"));
        Assert.Equal("a\tbitsd", e.Value);
    }

    [Theory]
    [InlineData("1 + 2 * 3", "+")]
    [InlineData("a = 1 and b = 2 or c", "OR")]
    [InlineData("a || b = c", "=")]
    [InlineData("1 & 2 | 3", "|")]
    public void PrecedenceMatchesSpark(string sql, string topOperator)
    {
        var e = Assert.IsType<Binary>(SparkParser.ParseExpr(sql));
        Assert.Equal(topOperator, e.Op);
    }

    [Fact]
    public void NotBindsLooserThanComparison()
    {
        var e = Assert.IsType<Unary>(SparkParser.ParseExpr("not a = 1"));
        Assert.IsType<Binary>(e.Operand);
    }

    [Fact]
    public void GeneratorInFunctionArgumentParses()
    {
        var q = SparkParser.Parse("select explode(array(10, 20))");
        var spec = Assert.IsType<QuerySpec>(q.Body);
        Assert.IsType<FunctionCall>(spec.Items[0].Expr);
    }

    [Fact]
    public void PositionInIsTheFunctionSyntax()
    {
        var f = Assert.IsType<FunctionCall>(SparkParser.ParseExpr("position('b' in 'abc')"));
        Assert.Equal(2, f.Args.Count);
    }

    [Fact]
    public void HiveRollupAndSemiJoinParse()
    {
        var q = SparkParser.Parse("select a, count(*) from t left semi join u on t.a = u.a group by a with rollup");
        var spec = Assert.IsType<QuerySpec>(q.Body);
        Assert.Equal("ROLLUP", spec.GroupBy!.Kind);
        Assert.Equal("SEMI", Assert.IsType<Join>(spec.From).Kind);
    }

    [Fact]
    public void ErrorsCarryTheOffset()
    {
        var e = Assert.Throws<SqlError>(() => SparkParser.Parse("select a from t where"));
        Assert.Equal(21, e.Offset);
    }

    [Fact]
    public void LambdaWithTwoParameters()
    {
        var f = Assert.IsType<FunctionCall>(SparkParser.ParseExpr("transform(a, (x, i) -> x + i)"));
        var l = Assert.IsType<Lambda>(f.Args[1]);
        Assert.Equal(["x", "i"], l.Params);
    }
}
