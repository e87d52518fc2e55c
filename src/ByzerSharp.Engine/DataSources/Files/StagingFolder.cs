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

    /// <summary>
    /// Creates a fresh hidden staging folder beside <paramref name="target"/> (its parent is created
    /// if needed). A failure is reported for the target the script named: the staging name is ours.
    /// </summary>
    public static string Create(string target, SourceSpan span)
    {
        var parent = Path.GetDirectoryName(target) ?? "/";
        var staging = Path.Combine(parent, "." + Path.GetFileName(target) + ".byzer-staging-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotCreate(target, e, span, staging);
        }
        return staging;
    }

    /// <summary>The user error for a save folder that cannot be created, naming the folder the script gave.</summary>
    public static ByzerException CannotCreate(string target, Exception e, SourceSpan span, string? staging = null) =>
        ByzerException.Runtime($"cannot create the folder {target}: {Reason(e, staging, target)}", span,
            "save into a folder this process can create and write, e.g. under /tmp or the working folder", e);

    /// <summary>
    /// The operating system's reason, with the staging folder's name replaced by the target's.
    /// mkdir in a folder that takes no new entries (/proc, /sys) fails with ENOENT, which .NET words
    /// as "Could not find file": said plainly instead.
    /// </summary>
    public static string Reason(Exception e, string? staging, string target)
    {
        var parent = Path.GetDirectoryName(target);
        return e switch
        {
            UnauthorizedAccessException => "permission denied",
            DirectoryNotFoundException or FileNotFoundException when parent is not null && Directory.Exists(parent) =>
                $"{parent} does not accept new folders (its file system refuses them)",
            _ => staging is null ? e.Message : e.Message.Replace(staging, target, StringComparison.Ordinal),
        };
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
