using System.Globalization;
using System.Text;

namespace ByzerSharp.Session;

/// <summary>Formats a date with a Joda/Java pattern (yyyy, MM, dd, HH, mm, ss, SSS, literal text in '…').</summary>
public static class JodaFormat
{
    public static string Format(DateTime value, string pattern)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                var end = pattern.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    end = pattern.Length;
                }
                sb.Append(end == i + 1 ? "'" : pattern[(i + 1)..end]);
                i = end + 1;
                continue;
            }
            if (!char.IsAsciiLetter(c))
            {
                sb.Append(c);
                i++;
                continue;
            }
            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }
            sb.Append(Field(value, c, run));
            i += run;
        }
        return sb.ToString();
    }

    private static string Field(DateTime v, char c, int n) => c switch
    {
        'y' or 'Y' or 'u' => n == 2 ? (v.Year % 100).ToString("00", CultureInfo.InvariantCulture) : v.Year.ToString(new string('0', n), CultureInfo.InvariantCulture),
        'M' => n switch
        {
            >= 4 => v.ToString("MMMM", CultureInfo.InvariantCulture),
            3 => v.ToString("MMM", CultureInfo.InvariantCulture),
            _ => v.Month.ToString(new string('0', n), CultureInfo.InvariantCulture),
        },
        'd' => v.Day.ToString(new string('0', n), CultureInfo.InvariantCulture),
        'D' => v.DayOfYear.ToString(new string('0', n), CultureInfo.InvariantCulture),
        'H' => v.Hour.ToString(new string('0', n), CultureInfo.InvariantCulture),
        'h' => ((v.Hour + 11) % 12 + 1).ToString(new string('0', n), CultureInfo.InvariantCulture),
        'm' => v.Minute.ToString(new string('0', n), CultureInfo.InvariantCulture),
        's' => v.Second.ToString(new string('0', n), CultureInfo.InvariantCulture),
        'S' => (v.Millisecond * 1000 / 1000).ToString("000", CultureInfo.InvariantCulture)[..Math.Min(3, n)].PadRight(n, '0'),
        'a' => v.Hour < 12 ? "AM" : "PM",
        'E' => n >= 4 ? v.DayOfWeek.ToString() : v.DayOfWeek.ToString()[..3],
        _ => new string(c, n),
    };
}
