using System.Collections.Concurrent;

namespace ByzerSharp.DuckDb;

/// <summary>
/// A registered C# function that fails can hand DuckDB only a text, which comes back prefixed as
/// "Invalid Input Error: …". The function reports here what the user should see besides (which
/// function failed, what to do), keyed by that text, so <see cref="Database.Translate"/> can turn the
/// DuckDB error back into the function's own, located at the call.
/// </summary>
internal static class FunctionFailures
{
    private const int Limit = 256;
    private static readonly ConcurrentDictionary<string, (string Function, string Help)> Pending = new(StringComparer.Ordinal);

    /// <summary>Records a failure and returns the one-line text to give DuckDB.</summary>
    public static string Report(string function, string message, string help)
    {
        // A failure whose query is abandoned (or whose error is handled elsewhere) is never taken back.
        if (Pending.Count >= Limit)
        {
            Pending.Clear();
        }
        Pending[message] = (function, help);
        return message;
    }

    /// <summary>The failure reported with <paramref name="message"/>, removed from the pending ones.</summary>
    public static bool TryTake(string message, out string function, out string help)
    {
        if (Pending.TryRemove(message, out var failure))
        {
            (function, help) = failure;
            return true;
        }
        (function, help) = ("", "");
        return false;
    }
}
