using System.Globalization;

namespace ByzerSharp.Delta.Log;

/// <summary>Table properties with Delta's defaults.</summary>
public static class TableConfig
{
    public static int CheckpointInterval(Metadata metadata) =>
        int.TryParse(metadata.Config("delta.checkpointInterval"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 10;

    public static TimeSpan DeletedFileRetention(Metadata metadata) =>
        Interval(metadata.Config("delta.deletedFileRetentionDuration")) ?? TimeSpan.FromDays(7);

    public static bool AppendOnly(Metadata metadata) => string.Equals(metadata.Config("delta.appendOnly"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>How many leading columns get stats (delta.dataSkippingNumIndexedCols, default 32, -1 = all).</summary>
    public static int IndexedColumns(Metadata metadata) =>
        int.TryParse(metadata.Config("delta.dataSkippingNumIndexedCols"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (n < 0 ? int.MaxValue : n) : 32;

    /// <summary>Parses Spark's "interval 1 week" / "interval 168 hours" / "7 days".</summary>
    public static TimeSpan? Interval(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parts = text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 0 && parts[0] == "interval")
        {
            parts.RemoveAt(0);
        }
        var total = TimeSpan.Zero;
        for (var i = 0; i + 1 < parts.Count; i += 2)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }
            total += parts[i + 1].TrimEnd('s') switch
            {
                "week" => TimeSpan.FromDays(7 * n),
                "day" => TimeSpan.FromDays(n),
                "hour" => TimeSpan.FromHours(n),
                "minute" => TimeSpan.FromMinutes(n),
                "second" => TimeSpan.FromSeconds(n),
                "millisecond" => TimeSpan.FromMilliseconds(n),
                _ => TimeSpan.Zero,
            };
        }
        return total;
    }
}
