using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using ByzerSharp.DuckDb.Native;

namespace ByzerSharp.ScriptUdf.Marshalling;

/// <summary>duckdb_list_entry: where a row's elements sit in the child vector.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ListEntry
{
    public ulong Offset;
    public ulong Length;
}

/// <summary>DuckDB's in-vector encodings of strings, dates, timestamps and decimals.</summary>
internal static unsafe class DuckValues
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    private static readonly Int128 DecimalLimit = Int128.Parse("100000000000000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A VARCHAR as a string. ASCII text, the usual case, is checked and widened in one vectorised
    /// pass each (Latin-1 decoding of ASCII bytes is the identity), cheaper than the general UTF-8
    /// decoder's count-then-transcode.
    /// </summary>
    public static string ReadString(byte* slot)
    {
        var bytes = DuckString.Bytes(slot);
        return Ascii.IsValid(bytes) ? Encoding.Latin1.GetString(bytes) : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// Writes <paramref name="value"/> inline into a duckdb_string_t when its UTF-8 form fits the 12
    /// inline bytes; false (slot contents undefined) when it does not. DuckDB compares inline strings
    /// as whole 16-byte values, so the unused bytes must be zero. Lone surrogates become U+FFFD, as
    /// with Encoding.UTF8.
    /// </summary>
    public static bool TryWriteInline(byte* slot, ReadOnlySpan<char> value)
    {
        ((ulong*)slot)[0] = 0;
        ((ulong*)slot)[1] = 0;
        if (Utf8.FromUtf16(value, new Span<byte>(slot + 4, DuckString.InlineBytes), out _, out var written) != OperationStatus.Done)
        {
            return false;
        }
        *(uint*)slot = (uint)written;
        return true;
    }

    public static DateTime ReadTimestamp(long micros) => new(EpochTicks + (micros * TimeSpan.TicksPerMicrosecond), DateTimeKind.Unspecified);

    /// <summary>The wall-clock value of the DateTime, whatever its Kind (Spark timestamps carry no zone either).</summary>
    public static long WriteTimestamp(DateTime value) => (value.Ticks - EpochTicks) / TimeSpan.TicksPerMicrosecond;

    public static DateOnly ReadDate(int days) => DateOnly.FromDayNumber(EpochDayNumber + days);

    public static int WriteDate(DateOnly value) => value.DayNumber - EpochDayNumber;

    /// <summary>A DECIMAL(38,18) (a 128-bit integer scaled by 10^18) as a C# decimal, dropping digits past its 28-29.</summary>
    public static decimal ReadDecimal(Int128 scaled)
    {
        var negative = scaled < 0;
        var magnitude = (UInt128)(negative ? -scaled : scaled);
        byte scale = 18;
        while (magnitude >> 96 != 0)
        {
            magnitude /= 10;
            scale--;
        }
        var lo = (int)(uint)magnitude;
        var mid = (int)(uint)(magnitude >> 32);
        var hi = (int)(uint)(magnitude >> 64);
        return new decimal(lo, mid, hi, negative, scale);
    }

    /// <summary>A C# decimal as DECIMAL(38,18), rounding half up like Spark when it has more than 18 decimals.</summary>
    public static Int128 WriteDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        var mantissa = (Int128)(((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0]);
        Int128 scaled;
        if (scale <= 18)
        {
            var factor = Pow10(18 - scale);
            // Checked before multiplying: Int128 arithmetic wraps silently.
            if (mantissa >= DecimalLimit / factor)
            {
                throw new OverflowException($"{value} does not fit decimal(38,18)");
            }
            scaled = mantissa * factor;
        }
        else
        {
            var divisor = Pow10(scale - 18);
            scaled = Int128.DivRem(mantissa, divisor) is var (q, r) && r * 2 >= divisor ? q + 1 : q;
        }
        return negative ? -scaled : scaled;
    }

    private static Int128 Pow10(int n)
    {
        Int128 p = 1;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }
        return p;
    }
}
