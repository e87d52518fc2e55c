using System.Globalization;
using System.Text;

namespace ByzerSharp.DataSources.Files;

/// <summary>
/// Hive-style partition folder names as Spark writes them (ExternalCatalogUtils.escapePathName):
/// characters that are unsafe in paths become %XX, and a null value becomes
/// __HIVE_DEFAULT_PARTITION__, so that any value round-trips through a folder name.
/// </summary>
public static class PartitionPath
{
    public const string DefaultPartition = "__HIVE_DEFAULT_PARTITION__";

    // Spark's charToEscape set: control characters plus these.
    private const string Special = "\"#%'*/:=?\\\u007F{[]^";

    public static string Folder(string column, string? value) =>
        Escape(column) + "=" + (value is null || value.Length == 0 ? DefaultPartition : Escape(value));

    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c < ' ' || Special.Contains(c, StringComparison.Ordinal))
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

    public static string Unescape(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length
                && int.TryParse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 2;
            }
            else
            {
                sb.Append(value[i]);
            }
        }
        return sb.ToString();
    }
}
