namespace ByzerSharp.Images;

/// <summary>
/// The colour model an encoded image declares, for the one case OpenCV's decoded channels hide it:
/// IMREAD_UNCHANGED expands a grey+alpha PNG into BGRA, while Spark's ImageSchema.decode checks the
/// colour space first and keeps one grey channel. Other grey+alpha sources already decode without
/// colour channels: TIFF to 1 channel, PAM to 2 (see ImageDecoder); WebP has no grey model.
/// </summary>
internal static class SourceColour
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Offset of the colour type byte: signature, IHDR length and type, width, height, bit depth.</summary>
    private const int PngColourTypeAt = 8 + 4 + 4 + 4 + 4 + 1;

    /// <summary>True when the bytes are a PNG whose IHDR colour type is grey (0) or grey+alpha (4).</summary>
    public static bool IsGrey(ReadOnlySpan<byte> bytes) =>
        bytes.Length > PngColourTypeAt
        && bytes.StartsWith(PngSignature)
        && bytes.Slice(12, 4).SequenceEqual("IHDR"u8)
        && bytes[PngColourTypeAt] is 0 or 4;
}
