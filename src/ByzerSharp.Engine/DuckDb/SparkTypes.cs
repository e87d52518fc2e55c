using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.DuckDb;

/// <summary>
/// Names DuckDB types the way Spark users know them (for !desc, schemas and JSON output). The
/// mapping itself lives with the SQL binder (<see cref="TypeParser"/>) so there is one table of it.
/// </summary>
public static class SparkTypes
{
    public static string FromDuck(string duck) => TypeParser.FromDuck(duck).ToString();
}
