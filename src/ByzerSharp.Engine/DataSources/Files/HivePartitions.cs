using ByzerSharp.DuckDb;
using ByzerSharp.Session;
using ByzerSharp.Text;

namespace ByzerSharp.DataSources.Files;

/// <summary>
/// Reading back k=v partition folders: DuckDB turns them into columns, and this restores the
/// values Spark escaped in folder names (%2F → '/') so that a partitioned save round-trips.
/// </summary>
public static class HivePartitions
{
    /// <summary>
    /// Whether the files sit in k=v folders below the folders the load path names (then DuckDB's
    /// hive_partitioning is on). As in Spark, k=v folders above the load path are not partitions.
    /// </summary>
    public static bool InFolders(IEnumerable<string> files, IReadOnlyList<string> baseFolders) => files.Any(f => Segments(f, baseFolders).Any());

    /// <summary>Wraps <paramref name="sql"/> so that escaped partition values read as written.</summary>
    public static string Decode(ByzerSession session, string sql, IReadOnlyList<string> files, IReadOnlyList<string> baseFolders, SourceSpan? span)
    {
        var escaped = new Dictionary<string, SortedSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in files.SelectMany(f => Segments(f, baseFolders)))
        {
            if (value.Contains('%', StringComparison.Ordinal))
            {
                if (!escaped.TryGetValue(key, out var set))
                {
                    escaped[key] = set = new SortedSet<string>(StringComparer.Ordinal);
                }
                set.Add(value);
            }
        }
        if (escaped.Count == 0)
        {
            return sql;
        }
        var columns = session.Database.Describe(sql, span).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var replacements = escaped.Where(e => columns.Contains(e.Key)).Select(e =>
            $"CASE CAST({Sql.Ident(e.Key)} AS VARCHAR) "
            + string.Concat(e.Value.Select(v => $"WHEN {Sql.Str(v)} THEN {Sql.Str(PartitionPath.Unescape(v))} "))
            + $"ELSE CAST({Sql.Ident(e.Key)} AS VARCHAR) END AS {Sql.Ident(e.Key)}").ToList();
        return replacements.Count == 0 ? sql : $"SELECT * REPLACE ({string.Join(", ", replacements)}) FROM ({sql})";
    }

    private static IEnumerable<(string Key, string Value)> Segments(string file, IReadOnlyList<string> baseFolders)
    {
        var folder = Path.GetDirectoryName(file) ?? "";
        var root = baseFolders.Where(b => folder == b || folder.StartsWith(b.TrimEnd('/') + "/", StringComparison.Ordinal)).MaxBy(b => b.Length);
        if (root is null)
        {
            yield break;
        }
        foreach (var segment in folder[root.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                yield return (segment[..eq], segment[(eq + 1)..]);
            }
        }
    }
}
