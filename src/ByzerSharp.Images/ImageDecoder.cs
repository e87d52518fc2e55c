using OpenCvSharp;

namespace ByzerSharp.Images;

/// <summary>
/// Decodes an encoded image into Spark's image row. Spark decodes with Java's ImageIO and keeps
/// 8 bits per sample: grey images as 1 channel, colour as BGR, colour with alpha as BGRA. OpenCV's
/// IMREAD_UNCHANGED gives the file's own depth and channels, which are mapped to the same three shapes.
/// </summary>
public static class ImageDecoder
{
    /// <summary>The conversions to Spark's shape, in order; each returns null when there is nothing to do.</summary>
    private static readonly Func<Mat, bool, Mat?>[] Steps = [(image, _) => ToEightBit(image), ToSparkChannels, (image, _) => Continuous(image)];

    /// <summary>The decoded image, or null when the bytes are not an image OpenCV can read (Spark's invalid image).</summary>
    public static ImageRow? Decode(string origin, byte[] bytes)
    {
        using var image = DecodePixels(bytes);
        return image is null ? null : new ImageRow(origin, image.Height, image.Width, image.Channels, image.Mode, image.Data.ToArray());
    }

    /// <summary>
    /// The decoded pixels still in OpenCV's memory, so the reader appends them to DuckDB without a
    /// managed copy; null when the bytes are not an image.
    /// </summary>
    internal static DecodedImage? DecodePixels(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return null;
        }
        Mat decoded;
        try
        {
            decoded = Cv2.ImDecode(bytes, ImreadModes.Unchanged);
        }
        catch (OpenCVException)
        {
            // A few decoders assert on malformed input instead of returning an empty image.
            return null;
        }
        if (decoded.Empty() || decoded.Dims != 2)
        {
            decoded.Dispose();
            return null;
        }
        var image = decoded;
        var grey = SourceColour.IsGrey(bytes);
        try
        {
            foreach (var step in Steps)
            {
                if (step(image, grey) is { } next)
                {
                    image.Dispose();
                    image = next;
                }
            }
        }
        catch
        {
            image.Dispose();
            throw;
        }
        return new DecodedImage(image);
    }

    /// <summary>
    /// 16-bit samples scale to 8 bits (v/257, rounded), as ImageIO's colour conversion does; float
    /// images (EXR, HDR: formats ImageIO cannot read) map 0..1 to 0..255; other depths saturate.
    /// Null when the image already has 8-bit unsigned samples.
    /// </summary>
    private static Mat? ToEightBit(Mat image)
    {
        var depth = image.Depth();
        if (depth == MatType.CV_8U)
        {
            return null;
        }
        var scale = depth switch
        {
            MatType.CV_16U => 1.0 / 257,
            MatType.CV_32F or MatType.CV_64F => 255.0,
            _ => 1.0,
        };
        var result = new Mat();
        image.ConvertTo(result, MatType.MakeType(MatType.CV_8U, image.Channels()), scale);
        return result;
    }

    /// <summary>
    /// Spark's three shapes. Spark checks the colour space before the alpha, so a grey source keeps
    /// only its grey sample: 2 channels (grey + alpha, e.g. PAM) and the BGRA OpenCV expands a
    /// grey+alpha PNG into (B = G = R = grey) both become channel 0. More than 4 channels keep the
    /// first four. Null when already in shape.
    /// </summary>
    private static Mat? ToSparkChannels(Mat image, bool greySource)
    {
        var channels = image.Channels();
        if (channels == 1 || (channels is 3 or 4 && !greySource))
        {
            return null;
        }
        var result = new Mat();
        if (channels == 2 || greySource)
        {
            Cv2.ExtractChannel(image, result, 0);
        }
        else
        {
            var planes = Cv2.Split(image);
            try
            {
                Cv2.Merge(planes[..4], result);
            }
            finally
            {
                foreach (var plane in planes)
                {
                    plane.Dispose();
                }
            }
        }
        return result;
    }

    /// <summary>Rows without padding (h*w*c bytes), as Spark stores them; null when already so (decoders allocate continuous images).</summary>
    private static Mat? Continuous(Mat image) => image.IsContinuous() ? null : image.Clone();
}

/// <summary>Decoded pixels in Spark's shape: 8-bit grey, BGR or BGRA, continuous.</summary>
internal sealed class DecodedImage : IDisposable
{
    private readonly Mat _pixels;

    public DecodedImage(Mat pixels)
    {
        _pixels = pixels;
        Height = pixels.Rows;
        Width = pixels.Cols;
        Channels = pixels.Channels();
    }

    public int Height { get; }

    public int Width { get; }

    public int Channels { get; }

    public int Mode => Channels switch
    {
        1 => ImageSchema.Cv8UC1,
        3 => ImageSchema.Cv8UC3,
        _ => ImageSchema.Cv8UC4,
    };

    /// <summary>Row-major pixels; valid until disposed.</summary>
    public Span<byte> Data => _pixels.AsSpan<byte>();

    public void Dispose() => _pixels.Dispose();
}
