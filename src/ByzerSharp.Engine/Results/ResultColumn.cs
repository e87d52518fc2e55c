namespace ByzerSharp.Results;

/// <summary>A result column: its name, its Spark type name (string, bigint, array&lt;int&gt;, …) and DuckDB's.</summary>
public sealed record ResultColumn(string Name, string SparkType, string DuckType);
