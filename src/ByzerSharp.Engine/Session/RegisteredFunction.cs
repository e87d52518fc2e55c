using ByzerSharp.SparkSql.Types;
using ByzerSharp.Text;

namespace ByzerSharp.Session;

/// <summary>
/// A SQL function added to the session by a register statement (ScriptUDF, a StringIndex model,
/// a Ray model) or by an extension. The DuckDB function or macro of the same name exists already;
/// this record is what makes select bodies resolve it with its Spark type and what !show functions lists.
/// </summary>
/// <param name="Name">The name scripts call it by (case-insensitive, like Spark).</param>
/// <param name="ReturnType">The Spark type of its result; <see cref="SparkType.Unknown"/> when not known.</param>
/// <param name="Origin">What defined it, for !show functions: "ScriptUDF (csharp)", "StringIndex /models/idx", ….</param>
/// <param name="DefinedAt">The statement that registered it.</param>
/// <param name="IsAggregate">An aggregate: select bodies may give it DISTINCT, FILTER and OVER, as a built-in aggregate.</param>
/// <param name="SqlName">
/// The DuckDB function select bodies call, when not the one named <paramref name="Name"/>: a C# aggregate's
/// visible name is a macro, which DuckDB cannot use as a window function.
/// </param>
/// <param name="Arity">How many arguments it takes, when fixed: a call with another number is an error at the call, in Spark's words.</param>
public sealed record RegisteredFunction(string Name, SparkType ReturnType, string Origin, SourceSpan? DefinedAt, bool IsAggregate = false, string? SqlName = null, int? Arity = null);
