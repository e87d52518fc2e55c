using OpenCvSharp;
using Xunit;

namespace ByzerSharp.Images.Tests;

/// <summary>How decoded images are mapped to Spark's three shapes (grey, BGR, BGRA at 8 bits).</summary>
public sealed class ImageDecoderTests
{
    [Fact]
    public void Sixteen_bit_colour_scales_to_eight_bits()
    {
        using var image = Mat.FromPixelData(1, 2, MatType.CV_16UC3, new ushort[] { 0, 257, 65535, 25700, 12850, 128 });

        var row = Decode(".png", image);

        Assert.Equal((1, 2, 3, ImageSchema.Cv8UC3), (row.Height, row.Width, row.NChannels, row.Mode));
        Assert.Equal(new byte[] { 0, 1, 255, 100, 50, 0 }, row.Data);
    }

    [Fact]
    public void Sixteen_bit_with_alpha_stays_bgra()
    {
        using var image = Mat.FromPixelData(1, 1, MatType.CV_16UC4, new ushort[] { 65535, 0, 25700, 32896 });

        var row = Decode(".png", image);

        Assert.Equal(ImageSchema.Cv8UC4, row.Mode);
        Assert.Equal(new byte[] { 255, 0, 100, 128 }, row.Data);
    }

    [Fact]
    public void Float_images_map_zero_to_one_onto_bytes()
    {
        // TIFF keeps 32-bit float samples under IMREAD_UNCHANGED.
        using var image = Mat.FromPixelData(1, 3, MatType.CV_32FC1, new[] { 0f, 0.5f, 1f });

        var row = Decode(".tiff", image);

        Assert.Equal(ImageSchema.Cv8UC1, row.Mode);
        Assert.Equal(new byte[] { 0, 128, 255 }, row.Data);
    }

    [Fact]
    public void Wide_images_are_copied_without_row_padding()
    {
        var pixels = Enumerable.Range(0, 5 * 7 * 3).Select(i => (byte)i).ToArray();
        using var image = Mat.FromPixelData(5, 7, MatType.CV_8UC3, pixels);

        var row = Decode(".bmp", image);

        Assert.Equal((5, 7), (row.Height, row.Width));
        Assert.Equal(pixels, row.Data);
    }

    [Fact]
    public void Grey_with_alpha_png_is_grey_without_the_alpha()
    {
        // Spark checks the colour space before the alpha: grey (100, 200) with alpha (7, 9) -> 1 channel 64C8.
        var row = ImageDecoder.Decode("file:/ga.png", PngBytes.Write(2, 1, 8, 4, [100, 7, 200, 9]));

        Assert.Equal((1, 2, 1, ImageSchema.Cv8UC1), (row!.Value.Height, row.Value.Width, row.Value.NChannels, row.Value.Mode));
        Assert.Equal(new byte[] { 100, 200 }, row.Value.Data);
    }

    [Fact]
    public void Sixteen_bit_grey_with_alpha_png_scales_the_grey_to_eight_bits()
    {
        var row = ImageDecoder.Decode("file:/ga16.png", PngBytes.Write(2, 1, 16, 4, [0xFF, 0xFF, 0x00, 0x07, 0x64, 0x64, 0x00, 0x09]));

        Assert.Equal((1, ImageSchema.Cv8UC1), (row!.Value.NChannels, row.Value.Mode));
        Assert.Equal(new byte[] { 255, 100 }, row.Value.Data);
    }

    [Fact]
    public void Colour_with_alpha_png_stays_bgra()
    {
        var row = ImageDecoder.Decode("file:/rgba.png", PngBytes.Write(1, 1, 8, 6, [1, 2, 3, 4]));

        Assert.Equal((4, ImageSchema.Cv8UC4), (row!.Value.NChannels, row.Value.Mode));
        Assert.Equal(new byte[] { 3, 2, 1, 4 }, row.Value.Data);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 })]
    [InlineData(new byte[] { (byte)'h', (byte)'i' })]
    public void Undecodable_bytes_are_no_image(byte[] bytes) =>
        Assert.Null(ImageDecoder.Decode("file:/x", bytes));

    private static ImageRow Decode(string extension, Mat image)
    {
        Assert.True(Cv2.ImEncode(extension, image, out var bytes));
        return ImageDecoder.Decode("file:/x" + extension, bytes) ?? throw new Xunit.Sdk.XunitException("not decoded");
    }
}
