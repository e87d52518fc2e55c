namespace ByzerSharp.Torch;

/// <summary>Which shared objects this process has mapped, from /proc/self/maps (Linux).</summary>
internal static class ProcessMaps
{
    /// <summary>
    /// The file of the first mapping named <paramref name="name"/>, or a versioned name behind it
    /// (libstdc++.so.6 → libstdc++.so.6.0.30), or a hashed one as wheels ship (libgomp → libgomp-98b21ff3.so.1).
    /// </summary>
    public static string? FindLibrary(string name)
    {
        if (!File.Exists("/proc/self/maps"))
            return null;
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            var slash = line.IndexOf('/');
            if (slash < 0)
                continue;
            var path = line[slash..];
            var file = Path.GetFileName(path);
            if (file == name || file.StartsWith(name + ".", StringComparison.Ordinal) || file.StartsWith(name + "-", StringComparison.Ordinal))
                return path;
        }
        return null;
    }
}
