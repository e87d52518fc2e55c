using ByzerSharp.SparkSql.Functions;
using ByzerSharp.SparkSql.Runtime;

namespace ByzerSharp.SparkSql.Tests;

public sealed class JavaFormatTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(1e10, "1.0E10")]
    [InlineData(1e-4, "1.0E-4")]
    [InlineData(0.001, "0.001")]
    [InlineData(1234567.0, "1234567.0")]
    [InlineData(12345678.0, "1.2345678E7")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(double.NaN, "NaN")]
    public void DoubleToStringMatchesJava(double d, string expected) => Assert.Equal(expected, JavaFormat.DoubleToString(d));

    [Theory]
    [InlineData("yyyy-MM-dd HH:mm:ss", "%Y-%m-%d %H:%M:%S")]
    [InlineData("yyyyMMdd'T'HH", "%Y%m%dT%H")]
    [InlineData("d MMM yy", "%-d %b %y")]
    public void JavaDatePatterns(string java, string strftime) => Assert.Equal(strftime, JavaDatePattern.ToStrftime(java));

    [Fact]
    public void JavaSplitKeepsTrailingEmptiesAndHonoursLimit()
    {
        Assert.Equal(["a", "b", ""], RegexCache.JavaSplit("a,b,", ",", -1));
        Assert.Equal(["a", "b,"], RegexCache.JavaSplit("a,b,", ",", 2));
        Assert.Equal([""], RegexCache.JavaSplit("", ",", -1));
    }
}
