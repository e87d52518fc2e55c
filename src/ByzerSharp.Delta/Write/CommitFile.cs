using System.Runtime.InteropServices;
using System.Text;

namespace ByzerSharp.Delta.Write;

/// <summary>
/// Creates <c>_delta_log/&lt;version&gt;.json</c> only if it does not exist, atomically and with its whole
/// content visible at once: the commit is written to a temp file and hard-linked to its name (link(2) fails
/// with EEXIST when another writer won). File.Move(…, overwrite: false) is not exclusive on Linux and lost
/// commits in races, so it is never used. Without link(2) (Windows), FileMode.CreateNew is the fallback.
/// </summary>
public static partial class CommitFile
{
    private const int EEXIST = 17;

    /// <summary>True when the version was created by this call; false when it already existed.</summary>
    public static bool TryCreate(string logDir, long version, string content)
    {
        var target = Path.Combine(logDir, Log.LogListing.CommitName(version));
        var bytes = Encoding.UTF8.GetBytes(content);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return CreateNew(target, bytes);
        }
        var temp = Path.Combine(logDir, ".tmp-" + Guid.NewGuid().ToString("N") + ".commit");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (link(temp, target) == 0)
            {
                return true;
            }
            var errno = Marshal.GetLastPInvokeError();
            if (errno == EEXIST)
            {
                return false;
            }
            throw new IOException($"cannot create the commit {target}: link failed with errno {errno}");
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static bool CreateNew(string target, byte[] bytes)
    {
        try
        {
            using var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int link(string oldpath, string newpath);
}
