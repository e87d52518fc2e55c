using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Binding;

public sealed record ColumnInfo(string Name, SparkType Type);

/// <summary>A table as the translator sees it: the SQL that reads it and its Spark-typed columns.</summary>
public sealed record TableSchema(string Sql, IReadOnlyList<ColumnInfo> Columns);

/// <summary>Where table names in a select body come from (the engine's session catalog).</summary>
public interface ISchemaProvider
{
    /// <summary>The table, or null when no table of that name exists.</summary>
    TableSchema? FindTable(string name);

    /// <summary>Every table name, for "did you mean" hints.</summary>
    IEnumerable<string> TableNames { get; }
}

/// <summary>A function registered in the session (a Byzer UDF), callable from select bodies; an aggregate takes DISTINCT, FILTER and OVER.</summary>
public sealed record SessionFunction(string SqlName, SparkType ReturnType, bool IsAggregate = false, int? Arity = null);

public interface IFunctionRegistry
{
    SessionFunction? Find(string name);

    IEnumerable<string> Names { get; }
}

/// <summary>No session functions.</summary>
public sealed class EmptyFunctionRegistry : IFunctionRegistry
{
    public static readonly EmptyFunctionRegistry Instance = new();

    public SessionFunction? Find(string name) => null;

    public IEnumerable<string> Names => [];
}
