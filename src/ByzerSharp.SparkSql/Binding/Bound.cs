using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Binding;

/// <summary>A bound expression: DuckDB SQL, its Spark type and Spark's generated column name.</summary>
public sealed record Bound(string Sql, SparkType Type, string Name)
{
    /// <summary>True for a literal (used when Spark names or folds literals specially).</summary>
    public bool IsLiteral { get; init; }

    /// <summary>The literal's value text when <see cref="IsLiteral"/>.</summary>
    public string? LiteralValue { get; init; }
}

/// <summary>The result of a translated query: DuckDB SQL plus the Spark output schema.</summary>
public sealed record TranslatedQuery(string Sql, IReadOnlyList<ColumnInfo> Columns);
