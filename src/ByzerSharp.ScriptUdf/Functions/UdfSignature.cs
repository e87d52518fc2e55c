using System.Reflection;
using ByzerSharp.ScriptUdf.Marshalling;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.ScriptUdf.Functions;

/// <summary>One parameter: its C# type, Spark type, and whether it receives NULL (int?, string?) or makes the result NULL.</summary>
internal sealed record UdfParameter(string Name, Type Type, SparkType Spark, bool AcceptsNull);

/// <summary>The SQL view of a C# method: parameter and return types, checked against what can cross.</summary>
internal sealed record UdfSignature(IReadOnlyList<UdfParameter> Parameters, Type ReturnType, SparkType Return)
{
    /// <summary>The signature, or the reason the method cannot be a SQL function.</summary>
    public static UdfSignature From(MethodInfo method, out string? problem)
    {
        problem = null;
        var nullability = new NullabilityInfoContext();
        var parameters = new List<UdfParameter>();
        foreach (var p in method.GetParameters())
        {
            if (p.ParameterType.IsByRef || p.IsOut)
            {
                problem = $"parameter '{p.Name}' is passed by reference; SQL functions take values";
                return Empty;
            }
            if (ClrTypeMap.ToSpark(p.ParameterType, out var why) is not { } spark)
            {
                problem = $"parameter '{p.Name}': {why}";
                return Empty;
            }
            var acceptsNull = Nullable.GetUnderlyingType(p.ParameterType) is not null
                || (!p.ParameterType.IsValueType && nullability.Create(p).ReadState != NullabilityState.NotNull);
            parameters.Add(new UdfParameter(p.Name ?? "arg" + parameters.Count, p.ParameterType, spark, acceptsNull));
        }
        if (method.ReturnType == typeof(void))
        {
            problem = "it returns void; a SQL function must return a value";
            return Empty;
        }
        if (ClrTypeMap.ToSpark(method.ReturnType, out var returnProblem) is not { } returnSpark)
        {
            problem = "return type: " + returnProblem;
            return Empty;
        }
        return new UdfSignature(parameters, method.ReturnType, returnSpark);
    }

    private static readonly UdfSignature Empty = new([], typeof(void), SparkType.Null);
}
