using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Ast;

namespace ByzerSharp.DataSources.Files;

/// <summary>
/// Byzer's save modes for writers that put one file per row into a folder (text with fileName,
/// image). Append and ignore write into the folder in place, as Byzer does. Overwrite writes into a
/// staging folder next to the target and swaps it in once every row is written: Byzer deletes the
/// folder first, so a row that fails halfway (a null image, a null file name) would lose the
/// previous files; here they stay as they were. Deleting the old files last also keeps them out of
/// the way of the new ones: ext4 allocates inodes slowly next to thousands of just-deleted ones.
/// </summary>
public sealed class PerRowFolder : IDisposable
{
    private readonly string? _staging;
    private bool _committed;

    private PerRowFolder(string target, string? staging)
    {
        Target = target;
        _staging = staging;
    }

    /// <summary>The folder the script named.</summary>
    public string Target { get; }

    /// <summary>Where the rows' files go now: a staging folder for overwrite, else the target itself.</summary>
    public string WriteDirectory => _staging ?? Target;

    public static PerRowFolder Begin(SaveContext context, string dir)
    {
        var full = Path.GetFullPath(dir);
        StagingFolder.RefuseSystemFolder(full, context.PathSpan);
        var exists = Directory.Exists(full) || File.Exists(full);
        if (exists && context.Mode == SaveMode.ErrorIfExists)
        {
            throw ByzerException.Runtime($"{full} is exists", context.PathSpan, "use save overwrite to replace the folder");
        }
        if (context.Mode != SaveMode.Overwrite)
        {
            try
            {
                Directory.CreateDirectory(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw StagingFolder.CannotCreate(full, e, context.PathSpan);
            }
            return new PerRowFolder(full, staging: null);
        }
        return new PerRowFolder(full, StagingFolder.Create(full, context.PathSpan));
    }

    /// <summary>Every row is written: for overwrite, the staged folder replaces the target.</summary>
    public void Commit()
    {
        _committed = true;
        if (_staging is null)
        {
            return;
        }
        StagingFolder.Replace(Target, _staging);
    }

    /// <summary>Without a commit, an overwrite's staged files are removed and the target is untouched.</summary>
    public void Dispose()
    {
        if (!_committed && _staging is not null && Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }
}
