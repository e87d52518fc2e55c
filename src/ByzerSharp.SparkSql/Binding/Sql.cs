namespace ByzerSharp.SparkSql.Binding;

/// <summary>DuckDB quoting.</summary>
public static class Sql
{
    /// <summary>
    /// DuckDB refuses the empty identifier ("zero-length delimited identifier"), yet Spark names an
    /// unaliased '' literal with the empty name; DuckDB carries that column under this private-use
    /// character, and <see cref="SparkName"/> gives the empty name back when results are read.
    /// </summary>
    public const string EmptyNameStandIn = "\uE000";

    public static string Ident(string name) =>
        "\"" + (name.Length == 0 ? EmptyNameStandIn : name.Replace("\"", "\"\"", StringComparison.Ordinal)) + "\"";

    /// <summary>The Spark name of a column DuckDB names <paramref name="duckName"/>.</summary>
    public static string SparkName(string duckName) => duckName == EmptyNameStandIn ? "" : duckName;

    public static string Str(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
