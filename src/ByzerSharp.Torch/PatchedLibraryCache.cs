using System.Security.Cryptography;

namespace ByzerSharp.Torch;

/// <summary>Where the patched libLibTorchSharp.so is kept between runs.</summary>
internal static class PatchedLibraryCache
{
    /// <summary>
    /// The copy lives in a folder named after the hash of the patched bytes, so different TorchSharp versions never
    /// share a file, and it is written to a temporary name and renamed so that concurrent processes only ever see a
    /// complete file (a rename also leaves a copy that another process has mapped intact). An existing copy is
    /// reused only if its bytes are exactly the expected ones.
    /// </summary>
    public static string Write(byte[] patched, string cacheRoot)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(patched))[..16];
        var dir = Path.Combine(cacheRoot, hash);
        var path = Path.Combine(dir, LibTorchSharpLocator.FileName);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(patched))
            return path;
        try
        {
            Directory.CreateDirectory(dir);
            var temp = Path.Combine(dir, $"{LibTorchSharpLocator.FileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(temp, patched);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TorchRuntimeException($"cannot write the patched {LibTorchSharpLocator.FileName} to {dir}: {e.Message}. Set BYZER_TORCH_CACHE to a writable folder", e);
        }
        return path;
    }
}
