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

        var (bytes, problem) = ImageEncoder.Encode(1, 2, ImageSchema.Cv8UC4, data, ".png");

        Assert.Null(problem);
        var row = ImageDecoder.Decode("file:/x.png", bytes!);
        Assert.Equal(data, row!.Value.Data);
        Assert.Equal(ImageSchema.Cv8UC4, row.Value.Mode);
    }

    [Theory]
    [InlineData(2, 2, ImageSchema.Cv8UC3, 11, ".png", "needs 12", "height * width * nChannels")]
    [InlineData(-1, -1, ImageSchema.Undefined, 0, ".png", "Spark's invalid image", "where image.height > 0")]
    [InlineData(1, 1, 5, 1, ".png", "mode 5 is not one Spark produces", "set mode")]
    [InlineData(0, 3, ImageSchema.Cv8UC1, 0, ".png", "0 x 3 pixels", "must be positive")]
    [InlineData(2, 2, ImageSchema.Cv8UC1, 4, ".gif", "the .gif format cannot hold a 1-channel (grey) image", "name the file .png")]
    [InlineData(2, 2, ImageSchema.Cv8UC4, 16, ".ppm", "the .ppm format cannot hold a 4-channel (BGRA) image; OpenCV's .ppm encoder writes 3-channel (BGR) images", "convert the image to 3-channel (BGR)")]
    public void Inconsistent_structs_are_refused_with_help_for_their_problem(int height, int width, int mode, int length, string extension, string message, string hint)
    {
        var (bytes, problem) = ImageEncoder.Encode(height, width, mode, new byte[length], extension);

        Assert.Null(bytes);
        Assert.Contains(message, problem!.Message, StringComparison.Ordinal);
        Assert.Contains(hint, problem.Hint, StringComparison.Ordinal);
    }
}
