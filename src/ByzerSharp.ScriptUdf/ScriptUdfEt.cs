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
        new("lang", "The language: only csharp runs in ByzerSharp (Byzer's default scala does not)", Required: true),
        new("udfType", "udf (a scalar function) or udaf (an aggregate: Zero/Reduce/Finish)", Default: "udf"),
        new("className", "The class holding the method, or the aggregator class"),
        new("methodName", "The method to register, or Class.method", Default: "apply"),
    ];

    public override bool UsesPathPrefix => false;

    public override void Register(RegisterContext context)
    {
        var options = ScriptUdfOptions.Parse(context);
        var assembly = CSharpCompiler.Compile(new CSharpCompileRequest(UdfSource.Build(options.Code, options.CodeStart), options.CodeSpan));
        var type = UdfMethods.FindClass(assembly, options);
        var session = context.Session;
        var name = context.FunctionName;
        var (udf, inputs) = options.Aggregate ? Aggregate(name, type, options) : Scalar(name, type, options);
        var internalName = $"__scriptudf_{name}_{Interlocked.Increment(ref _generation)}";
        DuckScalarFunction.Register(session.Database.Connection, internalName, udf);
        // The visible name is a macro over the versioned function, so registering fn again replaces it
        // (DuckDB cannot drop or overwrite a C API function) and unregister can drop it.
        var parameters = Enumerable.Range(0, inputs).Select(i => "p" + i).ToList();
        var call = options.Aggregate ? AggregateArgument(parameters) : string.Join(", ", parameters);
        session.Database.Execute(
            $"CREATE OR REPLACE MACRO {Sql.Ident(name)}({string.Join(", ", parameters)}) AS {Sql.Ident(internalName)}({call})",
            context.Statement.Span);
        session.RegisterFunction(new RegisteredFunction(
            name,
            udf.Signature.Return,
            $"ScriptUDF (csharp{(options.Aggregate ? ", udaf" : "")})",
            context.Statement.Span));
    }

    private static string AggregateArgument(IReadOnlyList<string> parameters) =>
        parameters.Count == 1
            ? $"list({parameters[0]})"
            : "list({" + string.Join(", ", parameters.Select((p, i) => $"'_{i + 1}': {p}")) + "})";

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

    private static (ScalarUdf Udf, int Inputs) Aggregate(string name, Type type, ScriptUdfOptions options)
    {
        var zero = UdfMethods.FindMethod(type, "Zero", options.MethodSpan, "aggregate member");
        var reduce = UdfMethods.FindMethod(type, "Reduce", options.MethodSpan, "aggregate member");
        var finish = UdfMethods.FindMethod(type, "Finish", options.MethodSpan, "aggregate member");
        if (zero.IsStatic != reduce.IsStatic || reduce.IsStatic != finish.IsStatic)
        {
            throw ByzerException.Semantic("Zero, Reduce and Finish must be all static or all instance methods", options.CodeSpan, UdafShape);
        }
        var fold = UdafFold.Build(zero, reduce, finish, UdfMethods.TargetFactory(reduce, options.MethodSpan), out var problem);
        if (problem is not null)
        {
            throw ByzerException.Semantic($"{type.Name} is not an aggregator: {problem}", options.CodeSpan, UdafShape);
        }
        return (Create(name, fold.Invoke, fold.Signature, () => fold.Fold, options), fold.InputCount);
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
