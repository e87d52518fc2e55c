using OpenCvSharp;

namespace ByzerSharp.Images.Bench;

/// <summary>
/// CIFAR-sized test images (32x32 BGR PNGs: a gradient with noise, so they compress like photos
/// rather than like flat colour), generated once into the temp folder and reused by later runs.
/// </summary>
internal static class Dataset
{
    public static string Ensure(int count)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"byzer-bench-images-{count}-32x32");
        // Written last, so an interrupted generation is redone; '_' keeps it out of the file listing.
        var complete = Path.Combine(dir, "_COMPLETE");
        if (File.Exists(complete))
        {
            return dir;
        }
        Directory.CreateDirectory(dir);
        Parallel.For(0, count, i =>
        {
            var random = new Random(i);
            var pixels = new byte[32 * 32 * 3];
            for (var y = 0; y < 32; y++)
            {
                for (var x = 0; x < 32; x++)
                {
                    var p = (y * 32 + x) * 3;
                    pixels[p] = (byte)(x * 7 + random.Next(16));
                    pixels[p + 1] = (byte)(y * 7 + random.Next(16));
                    pixels[p + 2] = (byte)((i + x + y) % 256);
                }
            }
            using var image = Mat.FromPixelData(32, 32, MatType.CV_8UC3, pixels);
            Cv2.ImWrite(Path.Combine(dir, $"{i:000000}_{i % 10}.png"), image);
        });
        File.WriteAllBytes(complete, []);
        return dir;
    }
}
