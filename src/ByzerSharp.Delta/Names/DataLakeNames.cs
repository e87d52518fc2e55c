namespace ByzerSharp.Delta.Names;

/// <summary>
/// Byzer's DataLake.identifyToPath: with a lake root, <c>db.table</c> is <c>&lt;root&gt;/db/table</c>, a bare
/// name is <c>&lt;root&gt;/default/name</c>, and the built-in dbs __mlsql__/__tmp__ live under
/// <c>&lt;root&gt;/__instances__/&lt;app&gt;/</c>.
/// </summary>
public static class DataLakeNames
{
    public const string Setting = "streaming.datalake.path";

    /// <summary>The folder of a lake table name.</summary>
    public static string Resolve(string lakeRoot, string name, string appName = "byzer")
    {
        var trimmed = name.Trim();
        if (trimmed.Contains('/', StringComparison.Ordinal) || trimmed.Contains('\\', StringComparison.Ordinal))
        {
            throw new DeltaException(DeltaErrorKind.Usage,
                $"{trimmed} is a path, but data lake mode expects a table name (db.table)",
                "use delta.`db.table`, or add where mode=\"path\" to use a path");
        }
        var parts = trimmed.Split('.');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0 || p == ".."))
        {
            throw new DeltaException(DeltaErrorKind.Usage, $"datalake table format error:{trimmed}", "write the name as db.table or table");
        }
        var (db, table) = parts.Length == 2 ? (parts[0], parts[1]) : ("default", parts[0]);
        return db is "__mlsql__" or "__tmp__"
            ? Path.Combine(lakeRoot, "__instances__", appName, db, table)
            : Path.Combine(lakeRoot, db, table);
    }

    /// <summary>The tables of a lake: every &lt;db&gt;/&lt;table&gt; folder holding a _delta_log.</summary>
    public static IReadOnlyList<(string Database, string Table, string Path)> List(string lakeRoot)
    {
        var result = new List<(string, string, string)>();
        if (!Directory.Exists(lakeRoot))
        {
            return result;
        }
        foreach (var db in Directory.EnumerateDirectories(lakeRoot).Order(StringComparer.Ordinal))
        {
            var dbName = Path.GetFileName(db);
            if (dbName == "__instances__")
            {
                continue;
            }
            foreach (var table in Directory.EnumerateDirectories(db).Order(StringComparer.Ordinal))
            {
                if (Directory.Exists(Path.Combine(table, "_delta_log")))
                {
                    result.Add((dbName, Path.GetFileName(table), table));
                }
            }
        }
        return result;
    }

    /// <summary>Whether <paramref name="path"/> is the lake root or inside it.</summary>
    public static bool IsInside(string lakeRoot, string path)
    {
        var root = Path.GetFullPath(lakeRoot).TrimEnd('/') + "/";
        var full = Path.GetFullPath(path).TrimEnd('/') + "/";
        return full.StartsWith(root, StringComparison.Ordinal);
    }
}
