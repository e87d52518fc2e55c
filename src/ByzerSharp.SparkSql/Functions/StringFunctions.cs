using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>String functions (spark-vs-duckdb.md §1.4).</summary>
internal static class StringFunctions
{
    public static void Register(Registrar r)
    {
        r.Family = "string";
        SparkType Str(FnCall _) => SparkType.String;
        SparkType Int(FnCall _) => SparkType.Int;
        string S(FnCall c, int i) => c.Str(i);

        r.Same("upper", "upper", 1, 1, Str, S);
        r.Same("ucase", "upper", 1, 1, Str, S);
        r.Same("lower", "lower", 1, 1, Str, S);
        r.Same("lcase", "lower", 1, 1, Str, S);
        r.Add(["length", "char_length", "character_length", "len"], 1, 1, c => c[0].Type.Kind == TypeKind.Binary
            ? new FnResult($"CAST(octet_length({c[0].Sql}) AS INTEGER)", SparkType.Int)
            : new FnResult($"CAST(length({c.Str(0)}) AS INTEGER)", SparkType.Int));
        r.Add("octet_length", 1, 1, c => new FnResult($"CAST(strlen({c.Str(0)}) AS INTEGER)", SparkType.Int));
        r.Add("bit_length", 1, 1, c => new FnResult($"CAST(strlen({c.Str(0)}) * 8 AS INTEGER)", SparkType.Int));
        r.Add(["trim", "ltrim", "rtrim"], 1, 3, Trim);
        r.Add("btrim", 1, 2, c => new FnResult(c.Count == 1 ? $"trim({c.Str(0)})" : $"trim({c.Str(0)}, {c.Str(1)})", SparkType.String));
        r.Add("concat", 0, FunctionLibrary.Variadic, c =>
        {
            var b = FunctionLibrary.Concat(c.Args.ToList());
            return new FnResult(b.Sql, b.Type);
        });
        r.Add("concat_ws", 1, FunctionLibrary.Variadic, c =>
        {
            // Array arguments are flattened; NULL arguments are skipped; a NULL separator gives NULL.
            var parts = Enumerable.Range(1, c.Count - 1).Select(i => c[i].Type is ArrayType
                ? $"NULLIF(array_to_string({c[i].Sql}, {c.Str(0)}), '')"
                : c.Str(i)).ToList();
            return new FnResult(parts.Count == 0 ? $"CASE WHEN {c.Str(0)} IS NULL THEN NULL ELSE '' END" : $"concat_ws({c.Str(0)}, {string.Join(", ", parts)})", SparkType.String);
        });
        r.Add(["substring", "substr"], 2, 3, c =>
        {
            var len = c.Count == 3 ? c.Int(2) : "2147483647";
            var name = $"{c.Call.Name.ToLowerInvariant()}({c[0].Name}, {c[1].Name}, {(c.Count == 3 ? c[2].Name : "2147483647")})";
            var posLit = c.LiteralString(1);
            var lenLit = c.Count == 3 ? c.LiteralString(2) : "0";
            var simple = long.TryParse(posLit, out var p) && p >= 1 && long.TryParse(lenLit, out var l) && l >= 0;
            return new FnResult(simple ? $"substring({c.Str(0)}, {c.Int(1)}, {len})" : $"spark_substr({c.Str(0)}, {c.Int(1)}, {len})", SparkType.String) { Name = name };
        });
        r.Add("left", 2, 2, c => new FnResult($"CASE WHEN {c.Int(1)} <= 0 THEN '' ELSE left({c.Str(0)}, {c.Int(1)}) END", SparkType.String));
        r.Add("right", 2, 2, c => new FnResult($"CASE WHEN {c.Int(1)} <= 0 THEN '' ELSE right({c.Str(0)}, {c.Int(1)}) END", SparkType.String));
        r.Add("instr", 2, 2, c => new FnResult($"CAST(instr({c.Str(0)}, {c.Str(1)}) AS INTEGER)", SparkType.Int));
        r.Add(["locate", "position"], 2, 3, c => new FnResult(c.Count == 2
            ? $"CAST(instr({c.Str(1)}, {c.Str(0)}) AS INTEGER)"
            : $"spark_locate({c.Str(0)}, {c.Str(1)}, {c.Int(2)})", SparkType.Int));
        r.Add(["lpad", "rpad"], 2, 3, c =>
        {
            if (c[0].Type.Kind == TypeKind.Binary && (c.Count == 2 || c[2].Type.Kind == TypeKind.Binary))
            {
                // Binary padding works on bytes: pad the hex text (two digits per byte) and decode it.
                var hexPad = c.Count == 3 ? $"hex({c[2].Sql})" : "'00'";
                var f = c.Call.Name.ToLowerInvariant();
                return new FnResult($"CASE WHEN {c.Int(1)} <= 0 THEN ''::BLOB WHEN {hexPad} = '' THEN unhex(left(hex({c[0].Sql}), 2 * {c.Int(1)})) ELSE unhex({f}(hex({c[0].Sql}), 2 * {c.Int(1)}, {hexPad})) END", SparkType.Binary);
            }
            var pad = c.Count == 3 ? c.Str(2) : "' '";
            var fn = c.Call.Name.ToLowerInvariant();
            // DuckDB rejects an empty pad; Spark then only truncates.
            return new FnResult($"CASE WHEN {pad} = '' THEN left({c.Str(0)}, greatest({c.Int(1)}, 0)) WHEN {c.Int(1)} <= 0 THEN '' ELSE {fn}({c.Str(0)}, {c.Int(1)}, {pad}) END", SparkType.String);
        });
        r.Add("replace", 2, 3, c => new FnResult($"replace({c.Str(0)}, {c.Str(1)}, {(c.Count == 3 ? c.Str(2) : "''")})", SparkType.String));
        r.Add("reverse", 1, 1, c => c[0].Type is ArrayType
            ? new FnResult($"list_reverse({c[0].Sql})", c[0].Type)
            : new FnResult($"reverse({c.Str(0)})", SparkType.String));
        r.Add("repeat", 2, 2, c => new FnResult($"repeat({c.Str(0)}, greatest({c.Int(1)}, 0))", SparkType.String));
        r.Add("space", 1, 1, c => new FnResult($"repeat(' ', greatest({c.Int(0)}, 0))", SparkType.String));
        r.Add("initcap", 1, 1, c => new FnResult($"spark_initcap({c.Str(0)})", SparkType.String));
        r.Same("ascii", "ascii", 1, 1, Int, S);
        r.Add(["chr", "char"], 1, 1, c => new FnResult($"CASE WHEN {c.Long(0)} < 0 THEN '' ELSE chr(CAST({c.Long(0)} % 256 AS INTEGER)) END", SparkType.String));
        r.Same("translate", "translate", 3, 3, Str, S);
        r.Add("startswith", 2, 2, c => new FnResult($"starts_with({c.Str(0)}, {c.Str(1)})", SparkType.Boolean));
        r.Add("endswith", 2, 2, c => new FnResult($"ends_with({c.Str(0)}, {c.Str(1)})", SparkType.Boolean));
        r.Add("contains", 2, 2, c => new FnResult($"contains({c.Str(0)}, {c.Str(1)})", SparkType.Boolean));
        r.Add("split_part", 3, 3, c => new FnResult($"split_part({c.Str(0)}, {c.Str(1)}, {c.Int(2)})", SparkType.String));
        r.Add("substring_index", 3, 3, c => new FnResult($"spark_substring_index({c.Str(0)}, {c.Str(1)}, {c.Int(2)})", SparkType.String));
        r.Same("md5", "md5", 1, 1, Str, S);
        r.Same("sha1", "sha1", 1, 1, Str, S);
        r.Same("sha", "sha1", 1, 1, Str, S);
        r.Add("sha2", 2, 2, c => c.LiteralString(1) is "0" or "256"
            ? new FnResult($"sha256({c.Str(0)})", SparkType.String)
            : new FnResult($"spark_sha2({c.Str(0)}, {c.Int(1)})", SparkType.String));
        r.Add("base64", 1, 1, c => new FnResult($"to_base64({(c[0].Type.Kind == TypeKind.Binary ? c[0].Sql : $"encode({c.Str(0)})")})", SparkType.String));
        r.Add("unbase64", 1, 1, c => new FnResult($"from_base64({c.Str(0)})", SparkType.Binary));
        r.Add("hex", 1, 1, c => new FnResult($"upper(hex({c[0].Sql}))", SparkType.String));
        r.Add("unhex", 1, 1, c => new FnResult($"TRY(unhex({c.Str(0)}))", SparkType.Binary));
        r.Add("encode", 2, 2, c => new FnResult($"encode({c.Str(0)})", SparkType.Binary));
        r.Add("decode", 2, FunctionLibrary.Variadic, Decode);
        r.Add("overlay", 3, 4, Overlay);
        r.Add(["like", "ilike"], 2, 3, c =>
        {
            var op = c.Call.Name.ToUpperInvariant();
            var escape = c.Count == 3 ? c.LiteralString(2) ?? throw c.Error("the escape character must be a string literal", 2) : "\\";
            return new FnResult($"({c.Str(0)} {op} {c.Str(1)} ESCAPE {Sql.Str(escape)})", SparkType.Boolean) { Name = $"{c[0].Name} {op} {c[1].Name}" };
        });
        r.Add("find_in_set", 2, 2, c => new FnResult(
            $"CASE WHEN contains({c.Str(0)}, ',') THEN 0 ELSE CAST(coalesce(list_position(string_split({c.Str(1)}, ','), {c.Str(0)}), 0) AS INTEGER) END", SparkType.Int));
        r.Add("parse_url", 2, 3, c => new FnResult(c.Count == 2
            ? $"spark_parse_url({c.Str(0)}, {c.Str(1)})"
            : $"spark_parse_url_key({c.Str(0)}, {c.Str(1)}, {c.Str(2)})", SparkType.String));
        r.Add(["format_string", "printf"], 1, FunctionLibrary.Variadic, c => new FnResult($"printf({string.Join(", ", c.Args.Select(a => a.Sql))})", SparkType.String));
        r.Add("format_number", 2, 2, c => c[1].Type.IsString
            ? new FnResult($"spark_format_number_pattern(CAST({c.Num(0)} AS DOUBLE), {c.Str(1)})", SparkType.String)
            : new FnResult($"CASE WHEN {c.Int(1)} < 0 THEN NULL ELSE spark_format_number(CAST({c.Num(0)} AS DOUBLE), {c.Int(1)}) END", SparkType.String));
        r.Add("elt", 2, FunctionLibrary.Variadic, c =>
        {
            var branches = string.Join(" ", Enumerable.Range(1, c.Count - 1).Select(i => $"WHEN {i} THEN {c.Str(i)}"));
            return new FnResult($"CASE {c.Int(0)} {branches} END", SparkType.String);
        });
        r.Add("soundex", 1, 1, c => new FnResult($"spark_soundex({c.Str(0)})", SparkType.String));
        r.Add("levenshtein", 2, 2, c => new FnResult($"CAST(levenshtein({c.Str(0)}, {c.Str(1)}) AS INTEGER)", SparkType.Int));
        r.Add("uuid", 0, 0, _ => new FnResult("CAST(uuid() AS VARCHAR)", SparkType.String));
        r.Add("crc32", 1, 1, c => new FnResult($"spark_crc32({c.Str(0)})", SparkType.Long));
    }

    /// <summary>decode(bin, charset), or Oracle's decode(expr, search, result, …, default).</summary>
    private static FnResult Decode(FnCall c)
    {
        if (c.Count == 2)
        {
            return new FnResult($"decode({c[0].Sql})", SparkType.String);
        }
        var results = Enumerable.Range(0, (c.Count - 1) / 2).Select(i => c[2 + 2 * i]).ToList();
        var fallback = (c.Count - 1) % 2 == 1 ? c[c.Count - 1] : null;
        var type = TypeCoercion.Wider(results.Concat(fallback is null ? [] : [fallback]).Select(b => b.Type)) ?? SparkType.String;
        var branches = Enumerable.Range(0, results.Count).Select(i =>
        {
            var search = c[1 + 2 * i];
            var cmp = TypeCoercion.Wider(c[0].Type, search.Type) ?? SparkType.String;
            return $"WHEN {SparkCast.Coerce(c[0], cmp).Sql} = {SparkCast.Coerce(search, cmp).Sql} THEN {Binder.CoerceBranch(results[i], type).Sql}";
        });
        var otherwise = fallback is null ? "" : $" ELSE {Binder.CoerceBranch(fallback, type).Sql}";
        return new FnResult($"CASE {string.Join(" ", branches)}{otherwise} END", type);
    }

    /// <summary>overlay(input PLACING replace FROM pos [FOR len]) on strings or bytes.</summary>
    private static FnResult Overlay(FnCall c)
    {
        var binary = c[0].Type.Kind == TypeKind.Binary && c[1].Type.Kind == TypeKind.Binary;
        var input = binary ? $"decode({c[0].Sql})" : c.Str(0);
        var replace = binary ? $"decode({c[1].Sql})" : c.Str(1);
        var len = c.Count == 4 ? $"CASE WHEN {c.Int(3)} >= 0 THEN {c.Int(3)} ELSE length({replace}) END" : $"length({replace})";
        var sql = $"(spark_substr({input}, 1, {c.Int(2)} - 1) || {replace} || spark_substr({input}, {c.Int(2)} + {len}, 2147483647))";
        var name = $"overlay({c[0].Name}, {c[1].Name}, {c[2].Name}, {(c.Count == 4 ? c[3].Name : "-1")})";
        return binary ? new FnResult($"encode({sql})", SparkType.Binary) { Name = name } : new FnResult(sql, SparkType.String) { Name = name };
    }

    private static FnResult Trim(FnCall c)
    {
        var fn = c.Call.Name.ToLowerInvariant();
        if (c.Count == 3 && c.LiteralString(2) is { } marker && marker.StartsWith('\0'))
        {
            // trim(BOTH|LEADING|TRAILING chars FROM s), from the parser: (s, chars, side).
            var side = marker[1..];
            var duck = side == "LEADING" ? "ltrim" : side == "TRAILING" ? "rtrim" : fn;
            var name = $"TRIM({side} {c[1].Name} FROM {c[0].Name})";
            return new FnResult($"{duck}({c.Str(0)}, {c.Str(1)})", SparkType.String) { Name = name };
        }
        if (c.Count == 2 && c.LiteralString(1) is { } m2 && m2.StartsWith('\0'))
        {
            var side = m2[1..];
            var duck = side == "LEADING" ? "ltrim" : side == "TRAILING" ? "rtrim" : fn;
            return new FnResult($"{duck}({c.Str(0)})", SparkType.String) { Name = $"{fn}({c[0].Name})" };
        }
        if (c.Count == 3)
        {
            throw c.Error($"{fn} takes 1 or 2 arguments");
        }
        // trim(trimStr, str) is Spark's deprecated 2-argument form: the characters come first.
        return new FnResult(c.Count == 1 ? $"{fn}({c.Str(0)}, ' ')" : $"{fn}({c.Str(1)}, {c.Str(0)})", SparkType.String);
    }
}
