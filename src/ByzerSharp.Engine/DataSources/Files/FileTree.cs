namespace ByzerSharp.DataSources.Files;

/// <summary>Recursive copy and move of local files and folders (for !hdfs -cp/-mv and !copyFromLocal).</summary>
public static class FileTree
{
    /// <summary>Copies a file, or a folder with everything in it; returns the number of files copied.</summary>
    public static long Copy(string source, string target, bool overwrite)
    {
        if (File.Exists(source))
        {
            File.Copy(source, target, overwrite);
            return 1;
        }
        Directory.CreateDirectory(target);
        long files = 0;
        // Listing first, then copying, so a target inside the source is never copied into itself.
        var entries = new DirectoryInfo(source).GetFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 });
        foreach (var entry in entries)
        {
            files += Copy(entry.FullName, Path.Combine(target, entry.Name), overwrite);
        }
        return files;
    }

    /// <summary>Moves a file or folder, falling back to copy and delete across devices.</summary>
    public static void Move(string source, string target)
    {
        try
        {
            if (File.Exists(source))
            {
                File.Move(source, target);
            }
            else
            {
                Directory.Move(source, target);
            }
        }
        catch (IOException) when (Exists(source) && !Exists(target))
        {
            Copy(source, target, overwrite: false);
            Delete(source);
        }
    }

    public static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
        else
        {
            Directory.Delete(path, recursive: true);
        }
    }

    public static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or lies inside it.</summary>
    public static bool IsWithin(string inner, string outer)
    {
        var a = Path.GetFullPath(inner).TrimEnd('/');
        var b = Path.GetFullPath(outer).TrimEnd('/');
        return a == b || a.StartsWith(b + "/", StringComparison.Ordinal);
    }

    /// <summary>Total size of the files under a path (the path's own size for a file).</summary>
    public static long Size(string path)
    {
        if (File.Exists(path))
        {
            return new FileInfo(path).Length;
        }
        return new DirectoryInfo(path)
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Sum(f => f.Length);
    }
}
