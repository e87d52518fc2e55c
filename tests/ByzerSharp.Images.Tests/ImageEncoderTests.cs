using Xunit;

namespace ByzerSharp.Images.Tests;

public sealed class ImageEncoderTests
{
    [Theory]
    [InlineData("a.png", ".png")]
    [InlineData("dir/b.JPG", ".jpg")]
    [InlineData("c.bmp", ".bmp")]
    [InlineData("no-extension", ".png")]
    [InlineData("d.unknownformat", ".png")]
    public void The_file_name_picks_the_encoder(string name, string extension) =>
        Assert.Equal(extension, ImageEncoder.ExtensionFor(name));

    [Fact]
    public void Pixels_round_trip_through_png()
    {
        var data = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };

        var (bytes, error) = ImageEncoder.Encode(1, 2, ImageSchema.Cv8UC4, data, ".png");

        Assert.Null(error);
        var row = ImageDecoder.Decode("file:/x.png", bytes!);
        Assert.Equal(data, row!.Value.Data);
        Assert.Equal(ImageSchema.Cv8UC4, row.Value.Mode);
    }

    [Theory]
    [InlineData(2, 2, ImageSchema.Cv8UC3, 11, "needs 12")]
    [InlineData(-1, -1, ImageSchema.Undefined, 0, "Spark's invalid image")]
    [InlineData(1, 1, 5, 1, "mode 5 is not one Spark produces")]
    public void Inconsistent_structs_are_refused(int height, int width, int mode, int length, string message)
    {
        var (bytes, error) = ImageEncoder.Encode(height, width, mode, new byte[length], ".png");

        Assert.Null(bytes);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
