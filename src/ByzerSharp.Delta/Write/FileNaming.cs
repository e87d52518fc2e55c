using System.Globalization;
using System.Text;

namespace ByzerSharp.Delta.Write;

/// <summary>Spark's data file names and Hive-escaped partition folders.</summary>
public static class FileNaming
{
    /// <summary>The folder of a null partition value.</summary>
    public const string NullPartition = "__HIVE_DEFAULT_PARTITION__";

    /// <summary>part-00000-&lt;uuid&gt;.c000.snappy.parquet</summary>
    public static string PartFile(int index, Guid writeId) =>
        $"part-{index.ToString("D5", CultureInfo.InvariantCulture)}-{writeId}.c000.snappy.parquet";

    /// <summary>The relative folder of a partition, e.g. <c>year=2024/city=New%20York</c>... escaped as Hive does.</summary>
    public static string PartitionFolder(IEnumerable<(string Column, string? Value)> values) =>
        string.Join("/", values.Select(v => Escape(v.Column) + "=" + (string.IsNullOrEmpty(v.Value) ? NullPartition : Escape(v.Value))));

    /// <summary>Hive's ExternalCatalogUtils.escapePathName: control characters and <c>"#%'*/:=?\{[]^</c> become %XX.</summary>
    public static string Escape(string value)
    {
        var sb = new StringBuilder();
        foreach (var c in value)
        {
            if (c < 0x20 || c == 0x7F || "\"#%'*/:=?\\{[]^".Contains(c))
            {
                sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
