using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.DataSources.Files;

/// <summary>
/// A folder written next to its target and moved into place when complete, so that a failed write
/// leaves the target as it was. Shared by the part-file outputs (<see cref="OutputDirectory"/>) and
/// the one-file-per-row writers (<see cref="PerRowFolder"/>).
/// </summary>
public static class StagingFolder
{
    /// <summary>Fails on targets no save may replace: the file system root and the home folder.</summary>
    public static void RefuseSystemFolder(string full, SourceSpan span)
    {
        if (full == "/" || full == Path.GetFullPath(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)))
        {
            throw ByzerException.Semantic($"refusing to write into {full}", span, "save into a folder of its own");
        }
    }

    /// <summary>Creates a fresh hidden staging folder beside <paramref name="target"/> (its parent is created if needed).</summary>
    public static string Create(string target)
    {
        var parent = Path.GetDirectoryName(target) ?? "/";
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, "." + Path.GetFileName(target) + ".byzer-staging-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>
    /// Puts the staged folder in the target's place: the old target (folder or file) is moved aside
    /// first and deleted last, so the target path never holds a half-written folder.
    /// </summary>
    public static void Replace(string target, string staging)
    {
        if (!Directory.Exists(target) && !File.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        var old = target + ".byzer-old-" + Guid.NewGuid().ToString("N")[..8];
        if (Directory.Exists(target))
        {
            Directory.Move(target, old);
        }
        else
        {
            File.Move(target, old);
        }
        Directory.Move(staging, target);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
        else
        {
            File.Delete(old);
        }
    }
}
