using ByzerSharp.DataSources;
using ByzerSharp.Delta.Names;
using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using ByzerSharp.Text;

namespace ByzerSharp.Delta.Byzer;

/// <summary>
/// Where delta.`…` points: with a data lake root (streaming.datalake.path) and no mode="path", the text is a
/// table name mapped by <see cref="DataLakeNames"/>; otherwise it is a path with the home prefix.
/// </summary>
internal static class DeltaLocation
{
    public static string? LakeRoot(ByzerSession session) =>
        session.Settings.TryGetValue(DataLakeNames.Setting, out var root) && !string.IsNullOrWhiteSpace(root) ? root : null;

    public static string Resolve(ByzerSession session, string rawPath, OptionValues options, SourceSpan pathSpan, Func<string> homePath, bool saving)
    {
        var lake = LakeRoot(session);
        var mode = options.Get("mode");
        var pathMode = mode is not null && mode.Equals("path", StringComparison.OrdinalIgnoreCase);
        if (lake is null || pathMode)
        {
            var path = homePath();
            if (saving && lake is not null && DataLakeNames.IsInside(lake, path))
            {
                throw ByzerException.Semantic($"{path} is inside the data lake {lake}; a path-mode save may not write there", pathSpan,
                    "save to the lake with a table name (delta.`db.table`, without mode=\"path\"), or choose a path outside the lake");
            }
            return path;
        }
        return DeltaErrors.Guard(pathSpan, () => DataLakeNames.Resolve(lake, rawPath));
    }

    /// <summary>The table folder named by a !delta argument: a lake name when a lake is set, else a path.</summary>
    public static string ForCommand(ByzerSession session, string argument, SourceSpan span)
    {
        var lake = LakeRoot(session);
        return lake is null || argument.Contains('/', StringComparison.Ordinal)
            ? session.Paths.Resolve(argument, span)
            : DeltaErrors.Guard(span, () => DataLakeNames.Resolve(lake, argument));
    }
}
