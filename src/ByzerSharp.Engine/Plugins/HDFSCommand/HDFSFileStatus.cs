using System.Globalization;
using Mono.Unix;

namespace ByzerSharp.Plugins.HDFSCommand;

/// <summary>What <c>-ls</c> shows about one file or directory of the local file system.</summary>
public sealed record HDFSFileStatus(string Path, bool IsDirectory, string Permission, string Owner, string Group, long Length, DateTime ModifiedUtc)
{
    public static HDFSFileStatus Of(string localPath, string displayPath)
    {
        var directory = Directory.Exists(localPath);
        FileSystemInfo info = directory ? new DirectoryInfo(localPath) : new FileInfo(localPath);
        var (owner, group) = Ownership(localPath);
        return new HDFSFileStatus(
            displayPath,
            directory,
            PermissionText(localPath, directory),
            owner,
            group,
            // HDFS reports 0 for directories; the local file system's block size would only confuse.
            directory ? 0 : ((FileInfo)info).Length,
            info.LastWriteTimeUtc);
    }

    /// <summary>Hadoop's -h sizes: bytes below 1 KiB, else one decimal and a binary prefix ("1.5 K").</summary>
    public static string HumanSize(long bytes)
    {
        const string prefixes = "KMGTPE";
        if (bytes < 1024)
        {
            return bytes.ToString(CultureInfo.InvariantCulture);
        }
        double value = bytes;
        var p = -1;
        while (value >= 1024 && p < prefixes.Length - 1)
        {
            value /= 1024;
            p++;
        }
        return value.ToString("0.#", CultureInfo.InvariantCulture) + " " + prefixes[p];
    }

    private static string PermissionText(string path, bool directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return directory ? "rwxr-xr-x" : "rw-r--r--";
        }
        var mode = File.GetUnixFileMode(path);
        Span<char> text = stackalloc char[9];
        ReadOnlySpan<(UnixFileMode Bit, char Letter)> bits =
        [
            (UnixFileMode.UserRead, 'r'), (UnixFileMode.UserWrite, 'w'), (UnixFileMode.UserExecute, 'x'),
            (UnixFileMode.GroupRead, 'r'), (UnixFileMode.GroupWrite, 'w'), (UnixFileMode.GroupExecute, 'x'),
            (UnixFileMode.OtherRead, 'r'), (UnixFileMode.OtherWrite, 'w'), (UnixFileMode.OtherExecute, 'x'),
        ];
        for (var i = 0; i < bits.Length; i++)
        {
            text[i] = (mode & bits[i].Bit) != 0 ? bits[i].Letter : '-';
        }
        return new string(text);
    }

    private static (string Owner, string Group) Ownership(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return (Environment.UserName, "supergroup");
        }
        var entry = UnixFileSystemInfo.GetFileSystemEntry(path);
        return (Name(() => entry.OwnerUser.UserName, entry.OwnerUserId), Name(() => entry.OwnerGroup.GroupName, entry.OwnerGroupId));
    }

    // A uid/gid without a passwd/group entry (common in containers) is shown as the number, like ls -l does.
    private static string Name(Func<string> lookup, long id)
    {
        try
        {
            return lookup();
        }
        catch (ArgumentException)
        {
            return id.ToString(CultureInfo.InvariantCulture);
        }
    }
}
