using System.Text;
using System.Text.Json;
using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using ByzerSharp.Text;

namespace ByzerSharp.DuckDb;

/// <summary>
/// Points the table names of a select at the immutable DuckDB objects behind the catalog's
/// current definitions. DuckDB's own parser (json_serialize_sql) finds the table references and
/// their offsets, so names inside strings, columns and CTEs are never touched. A view built from
/// the result keeps reading what the names meant when it was defined, as a Spark temp view does.
/// </summary>
public static class TableRefRewriter
{
    public static string Rewrite(Database database, Catalog catalog, string sql, SourceSpan? span)
    {
        var json = database.Scalar("SELECT json_serialize_sql(" + Sql.Str(sql) + ")", span) as string
            ?? throw ByzerException.Runtime("DuckDB returned no parse tree", span);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.True)
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() ?? "syntax error" : "syntax error";
            var position = root.TryGetProperty("position", out var p) && int.TryParse(p.GetString() ?? p.ToString(), out var pos) ? pos : -1;
            var errSpan = span is { } s && position >= 0 && position < s.Length ? s.Slice(position, 1) : span;
            // json_serialize_sql only accepts SELECT; other statements are not select bodies.
            throw ByzerException.Syntax(message.Replace("Parser Error: ", "", StringComparison.Ordinal), errSpan ?? default, "check the SQL near this point");
        }

        var ctes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var refs = new List<(int Location, string Name, bool HasAlias)>();
        Walk(root, ctes, refs);

        foreach (var r in refs)
        {
            if (!ctes.Contains(r.Name) && catalog.Find(r.Name) is null && !database.RelationExists(r.Name))
            {
                var at = span is { } sp && r.Location >= 0 && r.Location < sp.Length ? sp.Slice(r.Location, Math.Max(1, NameLength(sql, r.Location))) : span;
                catalog.Get(r.Name, at);
            }
        }

        var replacements = refs
            .Where(r => !ctes.Contains(r.Name) && catalog.Find(r.Name) is not null && r.Location >= 0 && r.Location < sql.Length)
            .DistinctBy(r => r.Location)
            .OrderByDescending(r => r.Location)
            .ToList();
        if (replacements.Count == 0)
        {
            return sql;
        }
        var sb = new StringBuilder(sql);
        foreach (var (location, name, hasAlias) in replacements)
        {
            var length = NameLength(sql, location);
            if (length <= 0)
            {
                continue;
            }
            var entry = catalog.Find(name)!;
            var replacement = Sql.Ident(entry.DuckName) + (hasAlias ? "" : " AS " + Sql.Ident(sql.Substring(location, length).Trim('"')));
            sb.Remove(location, length).Insert(location, replacement);
        }
        return sb.ToString();
    }

    private static void Walk(JsonElement element, HashSet<string> ctes, List<(int, string, bool)> refs)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("cte_map", out var cteMap) && cteMap.TryGetProperty("map", out var map) && map.ValueKind == JsonValueKind.Array)
                {
                    foreach (var entry in map.EnumerateArray())
                    {
                        if (entry.TryGetProperty("key", out var key) && key.GetString() is { } k)
                        {
                            ctes.Add(k);
                        }
                    }
                }
                if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "BASE_TABLE"
                    && element.TryGetProperty("table_name", out var tableName)
                    && (!element.TryGetProperty("schema_name", out var schema) || schema.GetString() is null or "")
                    && (!element.TryGetProperty("catalog_name", out var cat) || cat.GetString() is null or ""))
                {
                    var location = element.TryGetProperty("query_location", out var loc) && loc.ValueKind == JsonValueKind.Number ? loc.GetInt32() : -1;
                    var alias = element.TryGetProperty("alias", out var a) ? a.GetString() : null;
                    refs.Add((location, tableName.GetString() ?? "", !string.IsNullOrEmpty(alias)));
                }
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, ctes, refs);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, ctes, refs);
                }
                break;
        }
    }

    private static int NameLength(string sql, int start)
    {
        if (sql[start] == '"')
        {
            var i = start + 1;
            while (i < sql.Length)
            {
                if (sql[i] == '"')
                {
                    if (i + 1 < sql.Length && sql[i + 1] == '"')
                    {
                        i += 2;
                        continue;
                    }
                    return i - start + 1;
                }
                i++;
            }
            return -1;
        }
        var j = start;
        while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_' || sql[j] == '$'))
        {
            j++;
        }
        return j - start;
    }
}
