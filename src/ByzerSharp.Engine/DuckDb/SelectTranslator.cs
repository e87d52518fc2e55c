using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using ByzerSharp.SparkSql;
using ByzerSharp.SparkSql.Binding;
using ByzerSharp.Text;

namespace ByzerSharp.DuckDb;

/// <summary>
/// Translates a select body (Spark SQL) to DuckDB SQL for this session, and turns translation
/// errors into script diagnostics: the offending token's place inside the select body.
/// </summary>
public static class SelectTranslator
{
    /// <param name="sql">The body after ${} substitution.</param>
    /// <param name="span">Where the body is in the script (before substitution).</param>
    public static TranslatedQuery Translate(ByzerSession session, string sql, SourceSpan? span)
    {
        try
        {
            return SparkSqlTranslator.Translate(sql, new SessionSchemaProvider(session), new SessionFunctionRegistry(session));
        }
        catch (SqlError e)
        {
            throw new ByzerException(e.Runtime ? ErrorKind.Runtime : ErrorKind.Semantic, e.Message, Locate(span, sql, e.Offset, e.Length), e.Hint, e);
        }
    }

    /// <summary>An offset in the substituted text as a script span; exact when ${} changed nothing before it.</summary>
    private static SourceSpan? Locate(SourceSpan? span, string sql, int offset, int length)
    {
        if (span is not { } s)
        {
            return null;
        }
        var original = s.Text;
        var compared = Math.Min(offset + length, Math.Min(original.Length, sql.Length));
        var prefixUnchanged = offset <= compared && string.CompareOrdinal(original, 0, sql, 0, compared) == 0;
        return prefixUnchanged ? s.Slice(offset, Math.Max(1, length)) : s;
    }
}
