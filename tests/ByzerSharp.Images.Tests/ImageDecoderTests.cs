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
