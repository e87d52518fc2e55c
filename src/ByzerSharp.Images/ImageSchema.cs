namespace ByzerSharp.Images;

/// <summary>
/// Spark's ImageSchema: one column <c>image</c>, a struct of origin, height, width, nChannels,
/// mode (an OpenCV type number) and data (row-major BGR(A) bytes).
/// </summary>
public static class ImageSchema
{
    public const string ColumnName = "image";

    /// <summary>OpenCV type numbers Spark uses (ImageSchema.ocvTypes).</summary>
    public const int Undefined = -1;

    public const int Cv8UC1 = 0;

    public const int Cv8UC3 = 16;

    public const int Cv8UC4 = 24;

    /// <summary>The flat table the readers append to; a view packs it into the struct column.</summary>
    public const string FlatDefinition = "(origin VARCHAR, height INTEGER, width INTEGER, nChannels INTEGER, mode INTEGER, data BLOB)";

    /// <summary>The select list that packs the flat columns into Spark's struct, in Spark's field order.</summary>
    public const string PackedColumn =
        "struct_pack(origin := origin, height := height, width := width, nChannels := nChannels, mode := mode, data := data) AS image";

    /// <summary>The channel count of a Spark image mode, or null for a mode Spark never produces.</summary>
    public static int? Channels(int mode) => mode switch
    {
        Cv8UC1 => 1,
        Cv8UC3 => 3,
        Cv8UC4 => 4,
        _ => null,
    };
}

/// <summary>One row of the image column; <see cref="Invalid"/> is Spark's invalidImageRow.</summary>
public readonly record struct ImageRow(string Origin, int Height, int Width, int NChannels, int Mode, byte[] Data)
{
    public bool IsValid => Mode != ImageSchema.Undefined;

    public static ImageRow Invalid(string origin) => new(origin, -1, -1, -1, ImageSchema.Undefined, []);
}
