using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>rlike / regexp_* / split with Java regex semantics (spark-vs-duckdb.md §1.5).</summary>
internal static class RegexFunctions
{
    public static void Register(Registrar r)
    {
        r.Family = "regex";
        r.Add(["rlike", "regexp", "regexp_like"], 2, 2, c => new FnResult(FunctionLibrary.RegexMatches(c.Str(0), SparkCast.Coerce(c[1], SparkType.String)), SparkType.Boolean)
        {
            Name = $"{(c.Call.Name.Equals("rlike", StringComparison.OrdinalIgnoreCase) ? "RLIKE" : c.Call.Name.ToLowerInvariant())}({c[0].Name}, {c[1].Name})",
        });
        r.Add("regexp_replace", 3, 4, c =>
        {
            var native = Native(c, 1) && c.LiteralString(2) is { } rep && RegexDialect.ToRe2Replacement(rep) is { } re2 && c.Count == 3;
            var sql = native
                ? $"regexp_replace({c.Str(0)}, {c.Str(1)}, {Sql.Str(RegexDialect.ToRe2Replacement(c.LiteralString(2)!)!)}, 'g')"
                : $"java_regexp_replace({c.Str(0)}, {c.Str(1)}, {c.Str(2)}, {(c.Count == 4 ? c.Int(3) : "1")})";
            return new FnResult(sql, SparkType.String) { Name = $"regexp_replace({c[0].Name}, {c[1].Name}, {c[2].Name}, {(c.Count == 4 ? c[3].Name : "1")})" };
        });
        r.Add("regexp_extract", 2, 3, c =>
        {
            var idx = c.Count == 3 ? c.Int(2) : "1";
            CheckGroupIndex(c);
            var sql = Native(c, 1) && (c.Count == 2 || c.LiteralString(2) is not null)
                ? $"regexp_extract({c.Str(0)}, {c.Str(1)}, {idx})"
                : $"java_regexp_extract({c.Str(0)}, {c.Str(1)}, {idx})";
            return new FnResult(sql, SparkType.String) { Name = $"regexp_extract({c[0].Name}, {c[1].Name}, {(c.Count == 3 ? c[2].Name : "1")})" };
        });
        r.Add("regexp_extract_all", 2, 3, c =>
        {
            var idx = c.Count == 3 ? c.Int(2) : "1";
            CheckGroupIndex(c);
            if (!Native(c, 1))
            {
                throw c.Error("regexp_extract_all supports RE2-compatible literal patterns only", 1, "avoid lookaround and backreferences");
            }
            return new FnResult($"regexp_extract_all({c.Str(0)}, {c.Str(1)}, {idx})", new ArrayType(SparkType.String))
            {
                Name = $"regexp_extract_all({c[0].Name}, {c[1].Name}, {(c.Count == 3 ? c[2].Name : "1")})",
            };
        });
        r.Add("split", 2, 3, c =>
        {
            var limit = c.Count == 3 ? c.Int(2) : "-1";
            var literalLimit = c.Count == 2 || (int.TryParse(c.LiteralString(2), out var l) && l <= 0);
            // Java's split keeps trailing empty strings with limit <= 0, as string_split_regex does.
            var sql = Native(c, 1) && literalLimit
                ? $"string_split_regex({c.Str(0)}, {c.Str(1)})"
                : $"java_split({c.Str(0)}, {c.Str(1)}, {limit})";
            return new FnResult(sql, new ArrayType(SparkType.String)) { Name = $"split({c[0].Name}, {c[1].Name}, {(c.Count == 3 ? c[2].Name : "-1")})" };
        });
    }

    /// <summary>
    /// Spark fails when the group index exceeds the pattern's groups (the default index is 1, so
    /// `regexp_extract(s, 'a+')` is an error there, not the whole match). DuckDB would return ''.
    /// With a literal pattern and index the check happens at translation instead of per row.
    /// </summary>
    private static void CheckGroupIndex(FnCall c)
    {
        var index = c.Count == 3 ? c.LiteralString(2) : "1";
        if (c.LiteralString(1) is not { } pattern || !int.TryParse(index, System.Globalization.CultureInfo.InvariantCulture, out var i))
        {
            return;
        }
        int groups;
        try
        {
            groups = new System.Text.RegularExpressions.Regex(pattern).GetGroupNumbers().Length - 1;
        }
        catch (ArgumentException)
        {
            return;
        }
        if (i < 0)
        {
            throw c.Error("The specified group index cannot be less than zero", 2, "pass 0 for the whole match or n for group n");
        }
        if (i > groups)
        {
            throw c.Error($"Regex group count is {groups}, but the specified group index is {i}", c.Count == 3 ? 2 : 1,
                groups == 0 ? $"pass 0 as the third argument to extract the whole match: {c.Call.Name}(…, …, 0)" : $"pass an index from 0 to {groups}");
        }
    }

    private static bool Native(FnCall c, int pattern) => c.LiteralString(pattern) is { } p && RegexDialect.IsRe2Safe(p);
}
