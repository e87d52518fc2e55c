namespace ByzerSharp.SparkSql.Binding;

/// <summary>DuckDB quoting.</summary>
public static class Sql
{
    public static string Ident(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Str(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
