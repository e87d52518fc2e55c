namespace ByzerSharp.Datasets;

/// <summary>
/// The ten classes of <see cref="SyntheticImageSet"/>: a shape drawn in a colour of its own. Each class differs from
/// the others in shape and in hue, so a small MLP learns them from a few thousand noisy 28×28 images.
/// </summary>
internal static class SyntheticShape
{
    /// <summary>File-name labels; none contains '_' (the pipeline splits file names on it).</summary>
    public static readonly string[] Labels = ["disc", "square", "ring", "hbars", "vbars", "plus", "cross", "triangle", "checker", "frame"];

    /// <summary>Base colour (B, G, R: OpenCV's order) per class; each image jitters it.</summary>
    public static readonly (int B, int G, int R)[] Colours =
    [
        (40, 40, 230), (40, 200, 40), (230, 60, 40), (40, 220, 230), (230, 40, 220),
        (230, 230, 40), (120, 120, 240), (40, 140, 240), (240, 240, 240), (160, 40, 120),
    ];

    /// <summary>Whether the pixel at offset (dx, dy) from the centre lies on the shape of half-size r.</summary>
    public static bool Covers(int label, double dx, double dy, double r)
    {
        var ax = Math.Abs(dx);
        var ay = Math.Abs(dy);
        var inSquare = ax <= r && ay <= r;
        var band = r / 3;
        return label switch
        {
            0 => dx * dx + dy * dy <= r * r,
            1 => inSquare,
            2 => dx * dx + dy * dy <= r * r && dx * dx + dy * dy >= r * r * 0.3,
            3 => inSquare && (int)Math.Floor((dy + r) / (r / 2.5)) % 2 == 0,
            4 => inSquare && (int)Math.Floor((dx + r) / (r / 2.5)) % 2 == 0,
            5 => (ax <= band && ay <= r) || (ay <= band && ax <= r),
            6 => inSquare && Math.Abs(ax - ay) <= band,
            7 => dy >= -r && dy <= r && ax <= (dy + r) / 2,
            8 => inSquare && ((int)Math.Floor((dx + r) / 3) + (int)Math.Floor((dy + r) / 3)) % 2 == 0,
            9 => inSquare && (ax >= r * 0.6 || ay >= r * 0.6),
            _ => throw new ArgumentOutOfRangeException(nameof(label)),
        };
    }
}
