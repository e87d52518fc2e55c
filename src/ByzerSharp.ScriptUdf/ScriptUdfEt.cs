using System.Reflection;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Plugins;
using ByzerSharp.Scripting;
using ByzerSharp.ScriptUdf.Functions;
using ByzerSharp.Session;

namespace ByzerSharp.ScriptUdf;

/// <summary>
/// <c>register ScriptUDF.`` as fn where lang="csharp" and code='''…'''</c>: compiles the C# once per
/// code hash and adds <c>fn</c> to the session as a vectorised DuckDB function (udf) or a
/// list-folding macro (udaf). See docs/scriptudf.md.
/// </summary>
public sealed class ScriptUdfEt : EtPlugin
{
    private static int _generation;

    public override string Name => "ScriptUDF";

    public override string Description => "Registers a SQL function (udf) or aggregate (udaf) written in C#";

    public override IReadOnlyList<EtOption> Options =>
    [
        new("code", "The C# members (methods, classes); without it, the first cell of the table named in the path"),
        new("lang", "The language: only csharp runs in ByzerSharp (Byzer's default scala does not)", Default: "scala"),
        new("udfType", "udf (a scalar function) or udaf (an aggregate: Zero/Reduce/Finish)", Default: "udf"),
        new("className", "The class holding the method, or the aggregator class"),
        new("methodName", "The method to register, or Class.method", Default: "apply"),
    ];

    // Checked for register too, so a misspelt option (methodname=…) is reported rather than ignored.
    public override IReadOnlyList<EtOption>? RegisterOptions => Options;

    public override bool UsesPathPrefix => false;

    /// <summary>
    /// As in Byzer, train (and run) compiles and registers nothing and gives an empty table (spec §4.3).
    /// A DuckDB table needs a column, so it has one string column, value, and no rows.
    /// </summary>
    public override TableEntry? Train(EtContext context) =>
        context.Define("SELECT CAST(NULL AS VARCHAR) AS value WHERE false");

    public override void Register(RegisterContext context)
    {
        var options = ScriptUdfOptions.Parse(context);
        UdfSource.CheckNoNamespace(options);
        var assembly = CSharpCompiler.Compile(new CSharpCompileRequest(
            UdfSource.Build(options.Code, options.CodeStart), options.CodeSpan, CodeName: options.CodeStart is null ? options.CodeName : null));
        var type = UdfMethods.FindClass(assembly, options);
        var session = context.Session;
        var name = context.FunctionName;
        var internalName = $"__scriptudf_{name}_{Interlocked.Increment(ref _generation)}";
        var connection = session.Database.Connection;
        SparkSql.Types.SparkType returnType;
        int inputs;
        if (options.Aggregate)
        {
            var udaf = Aggregate(name, type, options);
            DuckAggregateFunction.Register(connection, internalName, udaf);
            (returnType, inputs) = (udaf.Return, udaf.Parameters.Count);
        }
        else
        {
            var (udf, count) = Scalar(name, type, options);
            DuckScalarFunction.Register(connection, internalName, udf);
            (returnType, inputs) = (udf.Signature.Return, count);
        }
        // The visible name is a macro over the versioned function, so registering fn again replaces it
        // (DuckDB cannot drop or overwrite a C API function) and unregister can drop it.
        var parameters = string.Join(", ", Enumerable.Range(0, inputs).Select(i => "p" + i));
        session.Database.Execute(
            $"CREATE OR REPLACE MACRO {Sql.Ident(name)}({parameters}) AS {Sql.Ident(internalName)}({parameters})",
            context.Statement.Span);
        session.RegisterFunction(new RegisteredFunction(
            name,
            returnType,
            $"ScriptUDF (csharp{(options.Aggregate ? ", udaf" : "")})",
            context.Statement.Span,
            IsAggregate: options.Aggregate,
            SqlName: options.Aggregate ? internalName : null,
            Arity: inputs));
    }

    private static (ScalarUdf Udf, int Inputs) Scalar(string name, Type type, ScriptUdfOptions options)
    {
        var method = UdfMethods.FindMethod(type, options.MethodName, options.MethodSpan);
        var signature = UdfSignature.From(method, out var problem);
        if (problem is not null)
        {
            throw NotSqlCallable(method.Name, problem, options);
        }
        return (Create(name, method, signature, UdfMethods.TargetFactory(method, options.MethodSpan), options), signature.Parameters.Count);
    }

    private static Udaf Aggregate(string name, Type type, ScriptUdfOptions options)
    {
        var zero = UdfMethods.FindMethod(type, "Zero", options.MethodSpan, "aggregate member");
        var reduce = UdfMethods.FindMethod(type, "Reduce", options.MethodSpan, "aggregate member");
        var finish = UdfMethods.FindMethod(type, "Finish", options.MethodSpan, "aggregate member");
        if (zero.IsStatic != reduce.IsStatic || reduce.IsStatic != finish.IsStatic)
        {
            throw ByzerException.Semantic("Zero, Reduce and Finish must be all static or all instance methods", options.CodeSpan, UdafShape);
        }
        var merge = UdfMethods.TryFindMethod(type, "Merge");
        var newTarget = UdfMethods.TargetFactory(reduce, options.MethodSpan);
        var what = type.Name == UdfSource.ClassName ? "the code" : $"class '{type.Name}'";
        return Udaf.Build(name, zero, reduce, finish, merge, newTarget, options.CodeSpan.File, out var problem)
            ?? throw ByzerException.Semantic($"{what} of {name} is not an aggregator: {problem}", options.CodeSpan, UdafShape);
    }

    private static ScalarUdf Create(string name, MethodInfo method, UdfSignature signature, Func<object>? target, ScriptUdfOptions options)
    {
        try
        {
            return new ScalarUdf(name, method, signature, target, options.CodeSpan.File);
        }
        catch (NotSupportedException e)
        {
            throw NotSqlCallable(method.Name, e.Message, options);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw ByzerException.Runtime($"creating the UDF object failed: {UdfError.Describe(inner)}", options.CodeSpan, inner: inner);
        }
    }

    private static ByzerException NotSqlCallable(string method, string problem, ScriptUdfOptions options) =>
        ByzerException.Semantic(
            $"'{method}' cannot be a SQL function: {problem}",
            options.MethodSpan,
            "supported types: " + Marshalling.ClrTypeMap.Supported);

    private const string UdafShape =
        "an aggregator has B Zero(), B Reduce(B buffer, IN value…) and OUT Finish(B buffer); see " + ScriptUdfOptions.Docs;
}
