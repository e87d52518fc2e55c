using System.Runtime.InteropServices;
using OpenCvSharp;

namespace ByzerSharp.Images;

/// <summary>
/// Decodes an encoded image into Spark's image row. Spark decodes with Java's ImageIO and keeps
/// 8 bits per sample: grey images as 1 channel, colour as BGR, colour with alpha as BGRA. OpenCV's
/// IMREAD_UNCHANGED gives the file's own depth and channels, which are mapped to the same three shapes.
/// </summary>
public static class ImageDecoder
{
    /// <summary>The decoded image, or null when the bytes are not an image OpenCV can read (Spark's invalid image).</summary>
    public static ImageRow? Decode(string origin, byte[] bytes)
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
        using (decoded)
        {
            if (decoded.Empty() || decoded.Dims != 2)
            {
                return null;
            }
            using var eightBit = ToEightBit(decoded);
            using var shaped = ToSparkChannels(eightBit ?? decoded);
            var image = shaped ?? eightBit ?? decoded;
            var channels = image.Channels();
            var mode = channels switch
            {
                1 => ImageSchema.Cv8UC1,
                3 => ImageSchema.Cv8UC3,
                _ => ImageSchema.Cv8UC4,
            };
            return new ImageRow(origin, image.Rows, image.Cols, channels, mode, Pixels(image));
        }
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
    /// Spark's three shapes: 2 channels (grey + alpha) become grey, as Spark keeps only the grey
    /// sample of grey images; more than 4 channels keep the first four. Null when already in shape.
    /// </summary>
    private static Mat? ToSparkChannels(Mat image)
    {
        var channels = image.Channels();
        if (channels is 1 or 3 or 4)
        {
            return null;
        }
        var result = new Mat();
        if (channels == 2)
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

    /// <summary>The pixels row-major with no padding between rows (h*w*c bytes).</summary>
    private static byte[] Pixels(Mat image)
    {
        var rows = image.Rows;
        var rowBytes = image.Cols * image.Channels();
        var pixels = GC.AllocateUninitializedArray<byte>(checked(rows * rowBytes));
        if (image.IsContinuous())
        {
            Marshal.Copy(image.Data, pixels, 0, pixels.Length);
            return pixels;
        }
        for (var y = 0; y < rows; y++)
        {
            Marshal.Copy(image.Ptr(y), pixels, y * rowBytes, rowBytes);
        }
        return pixels;
    }
}
