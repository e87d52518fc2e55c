using System.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.Scripting;

/// <summary>
/// Maps generated C# back to the Byzer script through <c>#line</c> directives, so Roslyn reports
/// compile errors, and the embedded PDB reports exception lines, at the script's own line and column.
/// </summary>
public static class SourceMap
{
    /// <summary>Ends a mapped region: what follows is generated code, never shown to the user.</summary>
    public const string End = "\n#line hidden\n";

    private const string Prefix = "byzer:";

    /// <summary>
    /// Text to put immediately before user code that starts at <paramref name="codeStart"/>. The first
    /// line is indented to the code's column, so columns match on every line, not just line numbers.
    /// </summary>
    public static string Begin(SourceSpan codeStart)
    {
        var (line, column) = codeStart.File.LineColumn(codeStart.Start);
        return $"\n#line {line} \"{Key(codeStart.File)}\"\n" + new string(' ', column - 1);
    }

    /// <summary>Marks user code that is not written in the script (taken from a table), so errors can say its own line.</summary>
    public const string UnmappedKey = "byzer-code";

    /// <summary>Text to put before code that is not in the script, starting at line <paramref name="line"/> of that code.</summary>
    public static string BeginUnmapped(int line) => $"\n#line {line} \"{UnmappedKey}\"\n";

    /// <summary>The script position of a mapped Roslyn location, or null when it is outside user code.</summary>
    internal static SourceSpan? Resolve(string? mappedPath, int line, int column, SourceFile file, int length = 1)
    {
        if (mappedPath != Key(file))
        {
            return null;
        }
        var start = file.OffsetOf(line, column);
        return new SourceSpan(file, start, Math.Max(0, Math.Min(length, file.Text.Length - start)));
    }

    /// <summary>
    /// Where in the script an exception thrown by compiled user code was raised (the innermost frame
    /// inside user code), as a span covering that line; null when no frame is in user code.
    /// </summary>
    public static SourceSpan? Locate(Exception exception, SourceFile file)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
            {
                if (frame.GetFileName() == Key(file) && frame.GetFileLineNumber() > 0)
                {
                    return LineSpan(file, frame.GetFileLineNumber());
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Where a compiled user method is written (its first line with code), read from the assembly's
    /// embedded PDB; for failures that happen outside the user's code, such as converting its arguments.
    /// Null when the assembly has no file or the method is not in <paramref name="file"/>.
    /// </summary>
    public static SourceSpan? DeclarationOf(System.Reflection.MethodBase method, SourceFile file)
    {
        var path = method.Module.Assembly.Location;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return null;
        }
        try
        {
            using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(path));
            var entry = pe.ReadDebugDirectory().FirstOrDefault(e => e.Type == System.Reflection.PortableExecutable.DebugDirectoryEntryType.EmbeddedPortablePdb);
            if (entry.DataSize == 0)
            {
                return null;
            }
            using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(entry);
            var pdb = provider.GetMetadataReader();
            var handle = System.Reflection.Metadata.Ecma335.MetadataTokens.MethodDefinitionHandle(method.MetadataToken);
            foreach (var point in pdb.GetMethodDebugInformation(handle).GetSequencePoints())
            {
                if (!point.IsHidden && pdb.GetString(pdb.GetDocument(point.Document).Name) == Key(file))
                {
                    return LineSpan(file, point.StartLine);
                }
            }
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Without readable debug information the failure is still reported, just without a line.
        }
        return null;
    }

    private static SourceSpan LineSpan(SourceFile file, int line)
    {
        var text = file.LineText(line);
        var indent = text.Length - text.TrimStart().Length;
        return new SourceSpan(file, file.OffsetOf(line, indent + 1), text.Trim().Length);
    }

    // A #line file name is a plain literal without escapes, so quotes and line breaks are replaced.
    private static string Key(SourceFile file) =>
        Prefix + file.Path.Replace('"', '_').Replace('\n', '_').Replace('\r', '_');
}
