using Mono.Unix;
using Mono.Unix.Native;

namespace ByzerSharp.DataSources.BinaryFile;

/// <summary>
/// Reads a whole file with the fewest system calls: open, one fstat (length and time), read, close.
/// .NET's own file handles add a second fstat, a shared flock and a directory check per open, which
/// for small page-cached files cost as much as the read itself (measured: ~15% of the CPU time of
/// reading 50,000 files of 0.5–4 KB).
/// </summary>
internal static class PosixFileRead
{
    public static bool Supported { get; } = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>The file's bytes and its last write time in UTC.</summary>
    public static unsafe (byte[] Content, DateTime ModifiedUtc) Read(string file)
    {
        var fd = Syscall.open(file, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC);
        if (fd < 0)
        {
            throw Error(file);
        }
        try
        {
            if (Syscall.fstat(fd, out var stat) < 0)
            {
                throw Error(file);
            }
            var modified = DateTime.UnixEpoch.AddTicks(stat.st_mtime * TimeSpan.TicksPerSecond + stat.st_mtime_nsec / 100);
            var content = GC.AllocateUninitializedArray<byte>(checked((int)stat.st_size));
            var read = 0;
            fixed (byte* start = content)
            {
                while (read < content.Length)
                {
                    long n;
                    do
                    {
                        n = Syscall.read(fd, start + read, (ulong)(content.Length - read));
                    }
                    while (n < 0 && Stdlib.GetLastError() == Errno.EINTR);
                    if (n < 0)
                    {
                        throw Error(file);
                    }
                    if (n == 0)
                    {
                        break;
                    }
                    read += (int)n;
                }
            }
            if (read < content.Length)
            {
                // The file shrank while being read: keep what is there.
                Array.Resize(ref content, read);
            }
            return (content, modified);
        }
        finally
        {
            Syscall.close(fd);
        }
    }

    /// <summary>The exception .NET's own file API would throw for the last error, naming the file.</summary>
    private static Exception Error(string file)
    {
        var errno = Stdlib.GetLastError();
        var message = $"{UnixMarshal.GetErrorDescription(errno)}: '{file}'";
        return errno switch
        {
            Errno.EACCES or Errno.EPERM => new UnauthorizedAccessException(message),
            Errno.ENOENT => new FileNotFoundException(message, file),
            _ => new IOException(message),
        };
    }
}
