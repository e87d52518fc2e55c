namespace ByzerSharp.SparkSql.Runtime;

/// <summary>Spark-named SQL macros the translator emits (all verified in spark-vs-duckdb.md).</summary>
internal static class SparkMacros
{
    public static readonly string[] Definitions =
    [
        "spark_substr(s, pos, len) AS CASE WHEN s IS NULL OR pos IS NULL OR len IS NULL THEN NULL WHEN len <= 0 THEN '' WHEN pos > 0 THEN substring(s, pos, len) " +
            "WHEN pos = 0 THEN substring(s, 1, len) WHEN length(s) + pos + len <= 0 THEN '' " +
            "ELSE substring(s, greatest(length(s) + pos, 0) + 1, length(s) + pos + len - greatest(length(s) + pos, 0)) END",
        "spark_locate(sub, s, pos) AS CASE WHEN pos IS NULL THEN NULL WHEN pos < 1 THEN 0 WHEN instr(substr(s, pos), sub) = 0 THEN 0 ELSE instr(substr(s, pos), sub) + pos - 1 END",
        "spark_initcap(s) AS array_to_string(list_transform(string_split(lower(s), ' '), lambda w: upper(left(w, 1)) || substr(w, 2)), ' ')",
        "spark_substring_index(s, d, n) AS CASE WHEN s IS NULL OR d IS NULL OR n IS NULL THEN NULL WHEN n = 0 OR d = '' THEN '' " +
            "WHEN n > 0 THEN array_to_string(string_split(s, d)[1:n], d) ELSE array_to_string(string_split(s, d)[n:], d) END",
        "spark_array_contains(a, v) AS CASE WHEN a IS NULL OR v IS NULL THEN NULL WHEN list_contains(a, v) THEN true " +
            "WHEN list_contains(list_transform(a, lambda x: x IS NULL), true) THEN NULL ELSE false END",
        "spark_array_distinct(a) AS list_filter(a, lambda x, i: i = list_position(a, x) OR (x IS NULL AND i = list_position(list_transform(a, lambda y: y IS NULL), true)))",
        "spark_to_date(s) AS coalesce(TRY_CAST(trim(s) AS DATE), CASE WHEN regexp_matches(trim(s), '^[0-9]{4}$') THEN TRY_CAST(trim(s) || '-01-01' AS DATE) " +
            "WHEN regexp_matches(trim(s), '^[0-9]{4}-[0-9]{1,2}$') THEN TRY_CAST(trim(s) || '-01' AS DATE) END)",
        "spark_next_day(d, name) AS d + CAST(((CASE lower(left(trim(name), 2)) WHEN 'su' THEN 0 WHEN 'mo' THEN 1 WHEN 'tu' THEN 2 WHEN 'we' THEN 3 " +
            "WHEN 'th' THEN 4 WHEN 'fr' THEN 5 WHEN 'sa' THEN 6 END) - dayofweek(d) + 6) % 7 + 1 AS INTEGER)",
    ];
}
