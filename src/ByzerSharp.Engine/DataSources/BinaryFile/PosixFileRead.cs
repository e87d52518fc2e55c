using Mono.Unix;
using Mono.Unix.Native;

namespace ByzerSharp.DataSources.BinaryFile;

/// <summary>
/// Stats and reads files with the fewest system calls: stat for the listing; open, fstat (to check the
/// version), read, close for the content. .NET's own file handles add a second fstat, a shared flock
/// and a directory check per open, which for small page-cached files cost as much as the read itself
/// (measured: ~15% of the CPU time of reading 50,000 files of 0.5–4 KB).
/// </summary>
internal static class PosixFileRead
{
    public static bool Supported { get; } = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    public static FileVersion Stat(string file)
    {
        if (Syscall.stat(file, out var stat) < 0)
        {
            throw Error(file);
        }
        return Version(file, stat);
    }

    /// <summary>Reads the whole file into <paramref name="destination"/> (exactly <c>expected.Length</c> bytes) if it still has version <paramref name="expected"/>.</summary>
    public static unsafe void ReadInto(string file, FileVersion expected, byte* destination)
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
            var now = Version(file, stat);
            if (now != expected)
            {
                throw new FileChangedException(file, expected, now);
            }
            long read = 0;
            while (read < expected.Length)
            {
                long n;
                do
                {
                    n = Syscall.read(fd, destination + read, (ulong)(expected.Length - read));
                }
                while (n < 0 && Stdlib.GetLastError() == Errno.EINTR);
                if (n < 0)
                {
                    throw Error(file);
                }
                if (n == 0)
                {
                    // Shrunk between fstat and read without (yet) a new modification time.
                    throw new FileChangedException(file, expected, expected with { Length = read });
                }
                read += n;
            }
        }
        finally
        {
            Syscall.close(fd);
        }
    }

    private static FileVersion Version(string file, Stat stat)
    {
        if ((stat.st_mode & FilePermissions.S_IFMT) == FilePermissions.S_IFDIR)
        {
            throw new IOException($"Is a directory: '{file}'");
        }
        return new FileVersion(stat.st_size, stat.st_mtime * 1_000_000_000L + stat.st_mtime_nsec);
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
