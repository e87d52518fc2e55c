using System.Text;
using ByzerSharp.DuckDb.Native;
using ByzerSharp.ScriptUdf.Marshalling;
using Xunit;

namespace ByzerSharp.Tests.ScriptUdf;

/// <summary>DuckDB's 16-byte duckdb_string_t as the UDF marshalling reads and writes it.</summary>
public sealed unsafe class StringSlotTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("abcdefghijkl", 12)]
    [InlineData("éééééé", 12)]
    [InlineData("😀😀😀", 12)]
    public void StringsOfUpTo12BytesAreWrittenInlineAndZeroPadded(string value, int bytes)
    {
        var slot = stackalloc byte[16];
        new Span<byte>(slot, 16).Fill(0xAA);
        Assert.True(DuckValues.TryWriteInline(slot, value));
        Assert.Equal((uint)bytes, *(uint*)slot);
        Assert.Equal(Encoding.UTF8.GetBytes(value), new ReadOnlySpan<byte>(slot + 4, bytes).ToArray());
        Assert.All(new ReadOnlySpan<byte>(slot + 4 + bytes, 12 - bytes).ToArray(), b => Assert.Equal(0, b));
        Assert.Equal(value, DuckValues.ReadString(slot));
    }

    [Theory]
    [InlineData("abcdefghijklm")]
    [InlineData("ééééééé")]
    [InlineData("abcdefghijk€")]
    public void LongerStringsDoNotFitInline(string value)
    {
        var slot = stackalloc byte[16];
        Assert.False(DuckValues.TryWriteInline(slot, value));
    }

    [Fact]
    public void ALoneSurrogateIsWrittenAsTheReplacementCharacterLikeEncodingUtf8()
    {
        var slot = stackalloc byte[16];
        Assert.True(DuckValues.TryWriteInline(slot, "a\uD800"));
        Assert.Equal(Encoding.UTF8.GetBytes("a\uD800"), DuckString.Bytes(slot).ToArray());
        Assert.Equal("a\uFFFD", DuckValues.ReadString(slot));
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz")]
    [InlineData("héllo wörld, non-ASCII and long")]
    [InlineData("😀 after thirteen bytes")]
    public void LongStringsAreReadThroughThePointer(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var slot = stackalloc byte[16];
        fixed (byte* data = bytes)
        {
            *(uint*)slot = (uint)bytes.Length;
            *(uint*)(slot + 4) = *(uint*)data;
            *(byte**)(slot + 8) = data;
            Assert.Equal(value, DuckValues.ReadString(slot));
        }
    }

    [Fact]
    public void InvalidUtf8IsDecodedWithReplacementCharacters()
    {
        var slot = stackalloc byte[16];
        *(uint*)slot = 3;
        slot[4] = (byte)'a';
        slot[5] = 0xC3; // a lead byte without its continuation
        slot[6] = (byte)'b';
        Assert.Equal("a\uFFFDb", DuckValues.ReadString(slot));
    }
}
