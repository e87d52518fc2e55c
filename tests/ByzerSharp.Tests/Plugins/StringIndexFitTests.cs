using ByzerSharp.Plugins.StringIndex;
using Xunit;

namespace ByzerSharp.Tests.Plugins;

/// <summary>Label order as Spark 3's StringIndexer: frequency ties break by ordinal string order in both frequency orders.</summary>
public sealed class StringIndexFitTests
{
    private static readonly (string, long)[] Counts = [("b", 2), ("a", 2), ("B", 2), ("c", 5), ("d", 1)];

    [Theory]
    [InlineData("frequencyDesc", "c,B,a,b,d")]
    [InlineData("frequencyAsc", "d,B,a,b,c")]
    [InlineData("alphabetAsc", "B,a,b,c,d")]
    [InlineData("alphabetDesc", "d,c,b,a,B")]
    public void OrdersLabels(string orderType, string expected) =>
        Assert.Equal(expected, string.Join(",", StringIndexFit.Order(Counts, orderType)));
}
