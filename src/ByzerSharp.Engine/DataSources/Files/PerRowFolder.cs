using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Ast;

namespace ByzerSharp.DataSources.Files;

/// <summary>
/// Byzer's save modes for writers that put one file per row straight into a folder (text with
/// fileName, image). Unlike part-file outputs (<see cref="OutputDirectory"/>) Byzer writes these in
/// place, and so do we: overwrite clears the folder first, append and ignore write into it.
/// </summary>
public static class PerRowFolder
{
    public static void Prepare(SaveContext context, string dir)
    {
        if (Directory.Exists(dir) || File.Exists(dir))
        {
            if (context.Mode == SaveMode.ErrorIfExists)
            {
                throw ByzerException.Runtime($"{dir} is exists", context.PathSpan, "use save overwrite to replace the folder");
            }
            if (context.Mode == SaveMode.Overwrite)
            {
                if (File.Exists(dir))
                {
                    File.Delete(dir);
                }
                else
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }
        Directory.CreateDirectory(dir);
    }
}
