using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;

namespace ByzerSharp.SparkSql.Runtime;

/// <summary>
/// The C# functions registered in DuckDB for what DuckDB cannot express: Java regex semantics,
/// split with a limit, Java number formatting, hashes DuckDB lacks, to_json without null fields.
/// NULL in gives NULL out (DuckDB.NET's default for these registrations).
/// </summary>
internal static class SparkUdfs
{
    public static void Register(DuckDBConnection c)
    {
        c.RegisterNullSafe<string, string, bool>("java_rlike", (s, p) => RegexCache.Get(p).IsMatch(s));
        c.RegisterNullSafe<string, string, string, int, string>("java_regexp_replace", (s, p, r, pos) =>
        {
            var from = Math.Max(pos, 1) - 1;
            if (from >= s.Length)
            {
                return s;
            }
            return s[..from] + RegexCache.Get(p).Replace(s[from..], RegexCache.DotNetReplacement(r));
        });
        c.RegisterNullSafe<string, string, int, string>("java_regexp_extract", (s, p, idx) =>
        {
            var regex = RegexCache.Get(p);
            var groups = regex.GetGroupNumbers().Length - 1;
            if (idx < 0 || idx > groups)
            {
                throw new ArgumentException($"Regex group count is {groups}, but the specified group index is {idx}");
            }
            var m = regex.Match(s);
            return m.Success && m.Groups[idx].Success ? m.Groups[idx].Value : "";
        });
        c.RegisterNullSafe<string, string, int, List<string>>("java_split", RegexCache.JavaSplit);
        c.RegisterNullSafe<double, string>("spark_double_str", JavaFormat.DoubleToString);
        c.RegisterNullSafe<string, int, string>("spark_sha2", (s, bits) =>
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            var hash = bits switch
            {
                0 or 256 => SHA256.HashData(bytes),
                384 => SHA384.HashData(bytes),
                512 => SHA512.HashData(bytes),
                _ => throw new ArgumentException($"sha2 supports bit lengths 256, 384 and 512 here, not {bits}"),
            };
            return Convert.ToHexString(hash).ToLowerInvariant();
        });
        c.RegisterNullSafe<string, long>("spark_crc32", s => Crc32(Encoding.UTF8.GetBytes(s)));
        c.RegisterNullSafe<string, string>("spark_soundex", Soundex);
        c.RegisterNullSafe<double, int, string>("spark_format_number", (x, d) =>
            Math.Round((decimal)x, d, MidpointRounding.ToEven).ToString("N" + d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        c.RegisterNullSafe<string, string>("spark_strip_json_nulls", json => StripNulls(JsonNode.Parse(json))?.ToJsonString() ?? "null");
        c.RegisterNullSafe<DateTime, DateTime, bool, double>("spark_months_between", MonthsBetween);
    }

    private static JsonNode? StripNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    o.Remove(key);
                }
                foreach (var (_, v) in o)
                {
                    StripNulls(v);
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    StripNulls(item);
                }
                break;
        }
        return node;
    }

    /// <summary>DateTimeUtils.monthsBetween: whole months when days match or both are month ends, else a 31-day fraction.</summary>
    private static double MonthsBetween(DateTime t1, DateTime t2, bool roundOff)
    {
        var months = (t1.Year - t2.Year) * 12 + t1.Month - t2.Month;
        var end1 = t1.Day == DateTime.DaysInMonth(t1.Year, t1.Month);
        var end2 = t2.Day == DateTime.DaysInMonth(t2.Year, t2.Month);
        if (t1.Day == t2.Day || (end1 && end2))
        {
            return months;
        }
        var seconds1 = (t1.Day * 86400L) + (long)t1.TimeOfDay.TotalSeconds;
        var seconds2 = (t2.Day * 86400L) + (long)t2.TimeOfDay.TotalSeconds;
        var diff = months + ((seconds1 - seconds2) / (31.0 * 86400));
        return roundOff ? Math.Round(diff, 8, MidpointRounding.AwayFromZero) : diff;
    }

    private static readonly uint[] CrcTable = BuildCrcTable();

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
        return table;
    }

    private static long Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>Spark's soundex: the first letter kept, then three digits; input not starting with a letter is returned as is.</summary>
    private static string Soundex(string s)
    {
        if (s.Length == 0 || !char.IsAsciiLetter(s[0]))
        {
            return s;
        }
        const string codes = "01230120022455012623010202";
        var sb = new StringBuilder().Append(char.ToUpperInvariant(s[0]));
        var last = codes[char.ToUpperInvariant(s[0]) - 'A'];
        for (var i = 1; i < s.Length && sb.Length < 4; i++)
        {
            var ch = char.ToUpperInvariant(s[i]);
            if (!char.IsAsciiLetterUpper(ch))
            {
                last = '0';
                continue;
            }
            var code = codes[ch - 'A'];
            if (code != '0' && code != last)
            {
                sb.Append(code);
            }
            if (ch is not ('H' or 'W'))
            {
                last = code;
            }
        }
        return sb.ToString().PadRight(4, '0');
    }
}
