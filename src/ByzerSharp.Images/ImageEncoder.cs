using OpenCvSharp;

namespace ByzerSharp.Images;

/// <summary>Encodes a Spark image struct's pixels (height, width, mode, data) into an image file's bytes.</summary>
internal static class ImageEncoder
{
    private const string Modes = "0 (CV_8UC1, grey), 16 (CV_8UC3, BGR) or 24 (CV_8UC4, BGRA)";

    /// <summary>
    /// The encoding for a file name: its extension when OpenCV can write that format (.png, .jpg,
    /// .bmp, .tiff, .webp, …), else PNG, which is lossless and keeps every mode Spark produces.
    /// </summary>
    public static string ExtensionFor(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension.Length > 1 && Cv2.HaveImageWriter("x" + extension) ? extension : ".png";
    }

    /// <summary>The encoded bytes, or why the struct holds no image this extension's encoder can write.</summary>
    public static (byte[]? Bytes, RowProblem? Problem) Encode(int height, int width, int mode, byte[] data, string extension)
    {
        if (mode == ImageSchema.Undefined && height == -1)
        {
            return (null, new RowProblem("the image is Spark's invalid image (load image could not decode its file): it has no pixels",
                "filter such rows out first, e.g. where image.height > 0 for images load image could not decode, or load with dropInvalid=\"true\""));
        }
        if (ImageSchema.Channels(mode) is not { } channels)
        {
            return (null, new RowProblem($"the image mode {mode} is not one Spark produces: {Modes}",
                "set mode to the OpenCV type of the data: 0 for 1 byte per pixel, 16 for 3 (B, G, R), 24 for 4 (B, G, R, A)"));
        }
        if (height <= 0 || width <= 0)
        {
            return (null, new RowProblem($"the image is {height} x {width} pixels: it has none to encode",
                "height and width must be positive; filter such rows out first, e.g. where image.height > 0 and image.width > 0"));
        }
        if ((long)height * width * channels != data.LongLength)
        {
            return (null, new RowProblem($"the image has {data.Length} bytes of data, but height {height} x width {width} x {channels} channels (mode {mode}) needs {(long)height * width * channels}",
                "data must hold height * width * nChannels bytes, row by row without padding; make height, width and mode match the data"));
        }
        using var mat = Mat.FromPixelData(height, width, MatType.MakeType(MatType.CV_8U, channels), data);
        return TryEncode(extension, mat) is { } bytes ? (bytes, null) : (null, CannotEncode(extension, height, width, channels));
    }

    private static byte[]? TryEncode(string extension, Mat mat)
    {
        try
        {
            return Cv2.ImEncode(extension, mat, out var bytes) ? bytes : null;
        }
        catch (OpenCVException)
        {
            return null;
        }
    }

    /// <summary>
    /// OpenCV says only that the encoder failed; trying the other channel counts at the same size
    /// tells a format that cannot hold this many channels (1-channel .gif, 4-channel .ppm) from one
    /// that cannot encode the image at all (a tiny .jp2).
    /// </summary>
    private static RowProblem CannotEncode(string extension, int height, int width, int channels)
    {
        var holds = new[] { 1, 3, 4 }.Where(c => c != channels && Encodes(extension, height, width, c)).ToList();
        if (holds.Count > 0)
        {
            return new RowProblem($"the {extension} format cannot hold a {Describe(channels)} image; OpenCV's {extension} encoder writes {string.Join(" and ", holds.Select(Describe))} images",
                $"name the file .png (it holds grey, BGR and BGRA), or convert the image to {Describe(holds[0])} first");
        }
        return new RowProblem($"OpenCV's {extension} encoder cannot encode this {height} x {width} {Describe(channels)} image",
            "name the file .png, which encodes every image load image produces");
    }

    private static bool Encodes(string extension, int height, int width, int channels)
    {
        using var probe = new Mat(height, width, MatType.MakeType(MatType.CV_8U, channels), Scalar.All(0));
        return TryEncode(extension, probe) is not null;
    }

    private static string Describe(int channels) => channels switch
    {
        1 => "1-channel (grey)",
        3 => "3-channel (BGR)",
        _ => "4-channel (BGRA)",
    };
}
