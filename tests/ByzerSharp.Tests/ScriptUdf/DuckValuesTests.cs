using ByzerSharp.ScriptUdf.Marshalling;
using Xunit;

namespace ByzerSharp.Tests.ScriptUdf;

public sealed class DuckValuesTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-1.5")]
    [InlineData("123456789012.123456789012345678")]
    [InlineData("79228162514.264337593543950335")]
    public void DecimalsRoundTripThroughDecimal38_18(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(value, DuckValues.ReadDecimal(DuckValues.WriteDecimal(value)));
    }

    [Fact]
    public void MoreThan18DecimalsRoundHalfUpLikeSpark()
    {
        var scaled = DuckValues.WriteDecimal(0.0000000000000000015m);
        Assert.Equal(2, (int)scaled);
        Assert.Equal(-2, (int)DuckValues.WriteDecimal(-0.0000000000000000015m));
    }

    [Fact]
    public void ValuesBeyondTwentyIntegerDigitsDoNotFit() =>
        Assert.Throws<OverflowException>(() => DuckValues.WriteDecimal(decimal.MaxValue));

    [Fact]
    public void DatesAndTimestampsCountFromTheUnixEpoch()
    {
        Assert.Equal(new DateOnly(1969, 12, 31), DuckValues.ReadDate(-1));
        Assert.Equal(19782, DuckValues.WriteDate(new DateOnly(2024, 2, 29)));
        Assert.Equal(new DateTime(1970, 1, 1, 0, 0, 1, 500), DuckValues.ReadTimestamp(1_500_000));
        Assert.Equal(-1, DuckValues.WriteTimestamp(new DateTime(1969, 12, 31, 23, 59, 59, 999).AddTicks(9990)));
    }
}
