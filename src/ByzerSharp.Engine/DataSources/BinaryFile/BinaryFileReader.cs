namespace ByzerSharp.DataSources.BinaryFile;

/// <summary>One file as Spark's binaryFile source returns it.</summary>
public readonly record struct BinaryFileRow(string Path, DateTime ModificationTime, long Length, byte[] Content);

/// <summary>
/// The two file operations of binaryFile: the version of a file (at load) and its content (when a
/// query reads it). Linux uses <see cref="LinuxFileRead"/>; other systems .NET's file handles.
/// </summary>
public static class BinaryFileReader
{
    public static FileVersion Stat(string file)
    {
        if (LinuxFileRead.Supported)
        {
            return LinuxFileRead.Stat(file);
        }
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            throw Directory.Exists(file) ? new IOException($"Is a directory: '{file}'") : new FileNotFoundException($"Could not find file '{file}'", file);
        }
        return new FileVersion(info.Length, (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100);
    }

    /// <summary>
    /// Reads a file whose version is <paramref name="expected"/> into <paramref name="destination"/>
    /// (exactly <c>expected.Length</c> bytes); a <see cref="FileChangedException"/> if its version changed.
    /// </summary>
    public static unsafe void ReadInto(string file, FileVersion expected, Span<byte> destination)
    {
        if (destination.Length != expected.Length)
        {
            throw new ArgumentException($"{destination.Length} bytes given for a file of {expected.Length}", nameof(destination));
        }
        if (LinuxFileRead.Supported)
        {
            fixed (byte* start = destination)
            {
                LinuxFileRead.ReadInto(file, expected, start);
            }
            return;
        }
        ReadManaged(file, expected, destination);
    }

    private static void ReadManaged(string file, FileVersion expected, Span<byte> destination)
    {
        // One open handle serves the version and the bytes.
        using var handle = File.OpenHandle(file);
        var now = new FileVersion(RandomAccess.GetLength(handle), (File.GetLastWriteTimeUtc(handle) - DateTime.UnixEpoch).Ticks * 100);
        if (now != expected)
        {
            throw new FileChangedException(file, expected, now);
        }
        var read = 0;
        while (read < destination.Length)
        {
            var n = RandomAccess.Read(handle, destination[read..], read);
            if (n == 0)
            {
                throw new FileChangedException(file, expected, expected with { Length = read });
            }
            read += n;
        }
    }

    /// <summary>Reads a whole file now, for sources that decode every file at load (image).</summary>
    /// <param name="zone">The session time zone: ModificationTime is its wall-clock time, as Spark shows it.</param>
    public static BinaryFileRow ReadOne(string file, TimeZoneInfo zone)
    {
        var version = Stat(file);
        var content = GC.AllocateUninitializedArray<byte>(checked((int)version.Length));
        ReadInto(file, version, content);
        return new BinaryFileRow(Uri(file), TimeZoneInfo.ConvertTimeFromUtc(version.ModifiedUtc, zone), version.Length, content);
    }

    /// <summary>Hadoop's Path.toString of a local file: file:/abs/path (one slash).</summary>
    public static string Uri(string file) => "file:" + file;
}
