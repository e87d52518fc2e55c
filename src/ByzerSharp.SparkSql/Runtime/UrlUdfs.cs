using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace ByzerSharp.SparkSql.Runtime;

/// <summary>
/// Spark's parse_url: the URL is split as java.net.URI does (RFC 3986 generic syntax), raw
/// (undecoded) parts are returned, and an unknown part or an unparsable URL gives NULL.
/// </summary>
internal static partial class UrlUdfs
{
    public static void Register(DuckDBConnection c)
    {
        c.RegisterNullSafe<string, string, string?>("spark_parse_url", (url, part) => Part(url, part));
        c.RegisterNullSafe<string, string, string, string?>("spark_parse_url_key", (url, part, key) => part == "QUERY" ? QueryValue(url, key) : null);
    }

    [GeneratedRegex(@"^(?:([A-Za-z][A-Za-z0-9+.\-]*):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$", RegexOptions.Singleline)]
    private static partial Regex UriPattern();

    internal static string? Part(string url, string part)
    {
        if (url.Contains(' ', StringComparison.Ordinal))
        {
            return null; // java.net.URI rejects it
        }
        var m = UriPattern().Match(url);
        if (!m.Success)
        {
            return null;
        }
        string? G(int i) => m.Groups[i].Success ? m.Groups[i].Value : null;
        var authority = G(2);
        string? userInfo = null;
        var host = authority ?? "";
        if (authority is not null)
        {
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                userInfo = authority[..at];
                host = authority[(at + 1)..];
            }
            if (host.StartsWith('['))
            {
                var close = host.IndexOf(']');
                host = close > 0 ? host[..(close + 1)] : host;
            }
            else
            {
                var colon = host.LastIndexOf(':');
                host = colon >= 0 ? host[..colon] : host;
            }

        }
        var path = G(3) ?? "";
        var query = G(4);
        return part switch
        {
            "HOST" => authority is null || host.Length == 0 ? null : host,
            "PATH" => path,
            "QUERY" => query,
            "REF" => G(5),
            "PROTOCOL" => G(1),
            "FILE" => query is null ? path : path + "?" + query,
            "AUTHORITY" => authority,
            "USERINFO" => userInfo,
            _ => null,
        };
    }

    internal static string? QueryValue(string url, string key)
    {
        var query = Part(url, "QUERY");
        if (query is null)
        {
            return null;
        }
        var m = Regex.Match(query, "(&|^)" + Regex.Escape(key) + "=([^&]*)");
        return m.Success ? m.Groups[2].Value : null;
    }
}
