using OpenCvSharp;

namespace ByzerSharp.Images;

/// <summary>Encodes a Spark image struct's pixels (height, width, mode, data) into an image file's bytes.</summary>
internal static class ImageEncoder
{
    /// <summary>
    /// The encoding for a file name: its extension when OpenCV can write that format (.png, .jpg,
    /// .bmp, .tiff, .webp, …), else PNG, which is lossless and keeps every mode Spark produces.
    /// </summary>
    public static string ExtensionFor(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension.Length > 1 && Cv2.HaveImageWriter("x" + extension) ? extension : ".png";
    }

    /// <summary>The encoded bytes, or an error message saying why the struct holds no encodable image.</summary>
    public static (byte[]? Bytes, string? Error) Encode(int height, int width, int mode, byte[] data, string extension)
    {
        if (ImageSchema.Channels(mode) is not { } channels)
        {
            return (null, mode == ImageSchema.Undefined
                ? "the image is Spark's invalid image (the file could not be decoded): it has no pixels"
                : $"the image mode {mode} is not one Spark produces (0, 16 or 24)");
        }
        if (height <= 0 || width <= 0 || (long)height * width * channels != data.LongLength)
        {
            return (null, $"the image has {data.Length} bytes of data, but height {height} x width {width} x {channels} channels needs {(long)height * width * channels}");
        }
        using var mat = Mat.FromPixelData(height, width, MatType.MakeType(MatType.CV_8U, channels), data);
        return Cv2.ImEncode(extension, mat, out var bytes) ? (bytes, null) : (null, $"OpenCV cannot encode a {channels}-channel image as {extension}");
    }
}
