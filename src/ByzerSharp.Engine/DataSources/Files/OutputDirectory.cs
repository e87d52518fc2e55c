using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Text;

namespace ByzerSharp.DataSources.Files;

/// <summary>
/// Spark's directory-of-part-files output with its save modes. Files are written into a staging
/// folder next to the target and moved into place only when complete, so a failed overwrite
/// leaves the previous data intact and a failed append adds nothing.
/// </summary>
public sealed class OutputDirectory
{
    private OutputDirectory(string target, string staging, SaveMode mode)
    {
        Target = target;
        Staging = staging;
        Mode = mode;
    }

    public string Target { get; }

    /// <summary>Where to write the part files.</summary>
    public string Staging { get; }

    public SaveMode Mode { get; }

    /// <summary>One id per write, as Spark puts in part file names.</summary>
    public string JobId { get; } = Guid.NewGuid().ToString();

    /// <summary>Prepares a write; returns null when mode is ignore and the target exists.</summary>
    public static OutputDirectory? Begin(string target, SaveMode mode, SourceSpan span)
    {
        var full = Path.GetFullPath(target);
        var exists = Directory.Exists(full) || File.Exists(full);
        if (exists)
        {
            switch (mode)
            {
                case SaveMode.ErrorIfExists:
                    throw ByzerException.Runtime($"path file:{full} already exists.", span, "use save overwrite to replace it or save append to add to it");
                case SaveMode.Ignore:
                    return null;
            }
        }
        StagingFolder.RefuseSystemFolder(full, span);
        return new OutputDirectory(full, StagingFolder.Create(full, span), mode);
    }

    /// <summary>A Spark-style part file name: part-00000-&lt;job id&gt;-c000.&lt;ext&gt;.</summary>
    public string PartFile(int index, string extension, string? subfolder = null)
    {
        var folder = subfolder is null ? Staging : Path.Combine(Staging, subfolder);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"part-{index:00000}-{JobId}-c000.{extension}");
    }

    /// <summary>Moves the staged files into place and writes _SUCCESS.</summary>
    public void Commit()
    {
        File.WriteAllBytes(Path.Combine(Staging, "_SUCCESS"), []);
        if (Mode == SaveMode.Append && Directory.Exists(Target))
        {
            foreach (var file in Directory.EnumerateFiles(Staging, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Staging, file);
                var destination = Path.Combine(Target, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Move(file, destination, overwrite: relative == "_SUCCESS");
            }
            Directory.Delete(Staging, recursive: true);
            return;
        }
        StagingFolder.Replace(Target, Staging);
    }

    /// <summary>Removes the staging folder after a failure.</summary>
    public void Abort()
    {
        try
        {
            if (Directory.Exists(Staging))
            {
                Directory.Delete(Staging, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}
