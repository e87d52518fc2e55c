namespace ByzerSharp.DataSources.BinaryFile;

/// <summary>
/// What <c>load binaryFile</c> pins of a file: its length and last write time (nanoseconds since the
/// Unix epoch, UTC). The content is read later, when a query needs it, and only if the file still has
/// this version (see docs/data-sources.md, binaryFile).
/// </summary>
public readonly record struct FileVersion(long Length, long ModifiedNanos)
{
    public DateTime ModifiedUtc => DateTime.UnixEpoch.AddTicks(ModifiedNanos / 100);
}

/// <summary>A file no longer has the version <c>load binaryFile</c> listed: its rows would mix two versions.</summary>
public sealed class FileChangedException(string file, FileVersion listed, FileVersion now)
    : IOException($"{BinaryFileReader.Uri(file)} changed after load binaryFile listed it " +
        $"(length {listed.Length}, modified {listed.ModifiedUtc:yyyy-MM-dd HH:mm:ss.fffffff}Z; now length {now.Length}, modified {now.ModifiedUtc:yyyy-MM-dd HH:mm:ss.fffffff}Z): load it again")
{
    public string File { get; } = file;
}
