namespace ByzerSharp.Delta;

/// <summary>Quoting for the DuckDB SQL this library generates.</summary>
internal static class Sql
{
    public static string Ident(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Str(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Int(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string StrList(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Str)) + "]";
}
