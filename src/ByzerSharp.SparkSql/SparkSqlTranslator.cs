using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Parsing;

namespace ByzerSharp.SparkSql;

/// <summary>
/// Spark SQL select body → DuckDB SQL with Spark semantics. Errors are <see cref="SqlError"/>
/// with offsets into <c>sql</c>; the caller maps them into the script.
/// </summary>
public static class SparkSqlTranslator
{
    public static TranslatedQuery Translate(string sql, ISchemaProvider tables, IFunctionRegistry? functions = null)
    {
        var query = SparkParser.Parse(sql);
        return new Binder(tables, functions ?? EmptyFunctionRegistry.Instance).Bind(query);
    }
}
