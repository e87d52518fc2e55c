using OpenCvSharp;

namespace ByzerSharp.Datasets;

/// <summary>How many images a split got and where.</summary>
public sealed record SyntheticSplit(string Folder, int Count);

/// <summary>
/// A synthetic stand-in for CIFAR-10 in its tarball layout, <c>&lt;dir&gt;/cifar/{train,test}/&lt;id&gt;_&lt;label&gt;.png</c>
/// (32×32 colour PNGs), so the reference pipeline runs anywhere without downloading data. Each class is a shape in
/// a colour of its own (<see cref="SyntheticShape"/>), placed and sized at random on a random dark background, with
/// Gaussian noise: learnable by the demo's MLP, not by looking at one pixel. Image <c>i</c> of a split depends only on
/// (seed, split, i), so a set is the same whatever the degree of parallelism.
/// </summary>
public static class SyntheticImageSet
{
    public const int Size = 32;

    public static IReadOnlyList<string> Labels => SyntheticShape.Labels;

    /// <summary>Writes <paramref name="train"/> and <paramref name="test"/> images under <paramref name="dir"/>/cifar.</summary>
    public static (SyntheticSplit Train, SyntheticSplit Test) Write(string dir, int train, int test, int seed = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(train);
        ArgumentOutOfRangeException.ThrowIfNegative(test);
        return (WriteSplit(dir, "train", train, seed, cancellationToken), WriteSplit(dir, "test", test, seed, cancellationToken));
    }

    /// <summary>The label of image <paramref name="id"/> of a split: classes take turns, so every split is balanced.</summary>
    public static int LabelOf(int id) => id % SyntheticShape.Labels.Length;

    /// <summary>The PNG bytes of one image.</summary>
    public static byte[] Png(string split, int id, int seed = 1)
    {
        // Not HashCode.Combine: it is salted per process, and a set must be the same on every run.
        var state = unchecked((seed * 2 + (split == "train" ? 0 : 1)) * 1_000_003 + id);
        var pixels = Render(LabelOf(id), new Random(state));
        using var mat = Mat.FromPixelData(Size, Size, MatType.CV_8UC3, pixels);
        return mat.ImEncode(".png");
    }

    private static SyntheticSplit WriteSplit(string dir, string split, int count, int seed, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(dir, "cifar", split);
        Directory.CreateDirectory(folder);
        Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, id =>
            File.WriteAllBytes(Path.Combine(folder, $"{id}_{SyntheticShape.Labels[LabelOf(id)]}.png"), Png(split, id, seed)));
        return new SyntheticSplit(folder, count);
    }

    /// <summary>Row-major BGR pixels of one image of class <paramref name="label"/>.</summary>
    private static byte[] Render(int label, Random random)
    {
        var background = (B: random.Next(0, 90), G: random.Next(0, 90), R: random.Next(0, 90));
        var (b, g, r) = SyntheticShape.Colours[label];
        var colour = (B: Jitter(b, random), G: Jitter(g, random), R: Jitter(r, random));
        var half = 7 + random.NextDouble() * 5;
        var cx = Size / 2.0 + (random.NextDouble() - 0.5) * 2 * (Size / 2.0 - half - 1);
        var cy = Size / 2.0 + (random.NextDouble() - 0.5) * 2 * (Size / 2.0 - half - 1);
        var pixels = new byte[Size * Size * 3];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var on = SyntheticShape.Covers(label, x + 0.5 - cx, y + 0.5 - cy, half);
                var offset = (y * Size + x) * 3;
                pixels[offset] = Noisy(on ? colour.B : background.B, random);
                pixels[offset + 1] = Noisy(on ? colour.G : background.G, random);
                pixels[offset + 2] = Noisy(on ? colour.R : background.R, random);
            }
        }
        return pixels;
    }

    private static int Jitter(int value, Random random) => Math.Clamp(value + random.Next(-35, 36), 0, 255);

    /// <summary>Adds Gaussian noise (σ = 20) by Box–Muller.</summary>
    private static byte Noisy(int value, Random random)
    {
        var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (byte)Math.Clamp((int)Math.Round(value + 20 * gaussian), 0, 255);
    }
}
