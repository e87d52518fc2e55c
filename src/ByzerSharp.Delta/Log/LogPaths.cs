using System.Text.Json.Nodes;

namespace ByzerSharp.Delta.Log;

/// <summary>add/remove paths: RFC 2396 URI strings relative to the table root, or absolute URIs.</summary>
public static class LogPaths
{
    /// <summary>Decodes a log path once (a '%25' in the log is a '%' in the file name).</summary>
    public static string Decode(string path)
    {
        var p = path;
        if (p.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            p = p[7..];
        }
        else if (p.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            p = p[5..];
        }
        return Uri.UnescapeDataString(p);
    }

    /// <summary>The absolute file name of a decoded log path.</summary>
    public static string Absolute(string tableRoot, string decodedPath) =>
        System.IO.Path.IsPathRooted(decodedPath) ? decodedPath : System.IO.Path.Combine(tableRoot, decodedPath);

    /// <summary>Encodes a relative path for add.path: everything but unreserved characters, '/', '=' and '+' is %-escaped.</summary>
    public static string Encode(string relativePath)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(relativePath))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~/=+".Contains(c)))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    internal static string Key(string decodedPath, JsonObject? deletionVector)
    {
        if (deletionVector is null)
        {
            return decodedPath;
        }
        var id = Json.Str(deletionVector, "storageType") + Json.Str(deletionVector, "pathOrInlineDv");
        var offset = Json.Long(deletionVector, "offset");
        return decodedPath + "\u0000" + id + (offset is { } o ? "@" + o.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
    }
}
