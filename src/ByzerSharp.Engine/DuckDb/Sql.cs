using System.Globalization;

namespace ByzerSharp.DuckDb;

/// <summary>Quoting for SQL text we generate. Never build SQL from user text without these.</summary>
public static class Sql
{
    public static string Ident(string name) => SparkSql.Binding.Sql.Ident(name);

    public static string Str(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string StrList(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Str)) + "]";

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string IdentList(IEnumerable<string> names) => string.Join(", ", names.Select(Ident));
}
