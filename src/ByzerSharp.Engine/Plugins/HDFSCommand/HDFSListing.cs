using System.Globalization;
using System.Text;

namespace ByzerSharp.Plugins.HDFSCommand;

/// <summary>
/// Hadoop's text layouts: -ls lines (permission, replication, owner, group, size, time, path with
/// Hadoop's minimum column widths) and -du tables.
/// </summary>
public static class HDFSListing
{
    public static IEnumerable<string> Lines(IReadOnlyList<HDFSFileStatus> items, bool human, TimeZoneInfo zone)
    {
        // Hadoop's Ls starts from widths 3 (replication) and 10 (size) and widens to fit the batch.
        var repl = 3;
        var owner = 0;
        var group = 0;
        var size = 10;
        foreach (var s in items)
        {
            owner = Math.Max(owner, s.Owner.Length);
            group = Math.Max(group, s.Group.Length);
            size = Math.Max(size, Size(s, human).Length);
        }
        foreach (var s in items)
        {
            var line = new StringBuilder();
            line.Append(s.IsDirectory ? 'd' : '-').Append(s.Permission).Append(' ');
            line.Append((s.IsDirectory ? "-" : "1").PadLeft(repl)).Append(' ');
            line.Append(s.Owner.PadRight(owner)).Append(' ');
            line.Append(s.Group.PadRight(group)).Append(' ');
            line.Append(Size(s, human).PadLeft(size)).Append(' ');
            line.Append(Time(s.ModifiedUtc, zone)).Append(' ');
            line.Append(s.Path);
            yield return line.ToString();
        }
    }

    /// <summary>The modification time as -ls shows it (minutes, in the session's time zone).</summary>
    public static string Time(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Left-aligned columns separated by two spaces, like Hadoop 3's -du.</summary>
    public static IEnumerable<string> Table(IReadOnlyList<string[]> rows)
    {
        if (rows.Count == 0)
        {
            yield break;
        }
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            yield return string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c])));
        }
    }

    private static string Size(HDFSFileStatus s, bool human) =>
        human ? HDFSFileStatus.HumanSize(s.Length) : s.Length.ToString(CultureInfo.InvariantCulture);
}
