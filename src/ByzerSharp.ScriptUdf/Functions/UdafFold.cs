using System.Linq.Expressions;
using System.Reflection;
using ByzerSharp.ScriptUdf.Marshalling;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.ScriptUdf.Functions;

/// <summary>
/// A C# aggregator (Spark's Aggregator shape: <c>Zero()</c>, <c>Reduce(buffer, input…)</c>,
/// <c>Finish(buffer)</c>) as one function over a group's values: DuckDB.NET cannot register
/// aggregate functions, so the SQL side is a macro <c>fn(x) = impl(list(x))</c> and this fold runs
/// once per group. Several inputs travel as a list of STRUCT(_1, _2, …). Rows where a parameter
/// that cannot take NULL is NULL are skipped, as SQL aggregates skip NULLs.
/// </summary>
internal sealed record UdafFold(Delegate Fold, MethodInfo Invoke, UdfSignature Signature, int InputCount)
{
    public static UdafFold Build(MethodInfo zero, MethodInfo reduce, MethodInfo finish, Func<object>? newTarget, out string? problem)
    {
        problem = null;
        var reduceSignature = UdfSignature.From(reduce, out var reduceProblem);
        if (reduceProblem is not null)
        {
            problem = $"{reduce.Name}: {reduceProblem}";
            return Invalid;
        }
        var inputs = reduceSignature.Parameters.Skip(1).ToList();
        var buffer = reduce.ReturnType;
        if (inputs.Count == 0 || reduce.GetParameters()[0].ParameterType != buffer)
        {
            problem = $"{reduce.Name} must take (buffer, input…) and return the buffer type";
            return Invalid;
        }
        if (zero.GetParameters().Length != 0 || zero.ReturnType != buffer)
        {
            problem = $"{zero.Name} must take no arguments and return {ClrTypeMap.Describe(buffer)}, the buffer type of {reduce.Name}";
            return Invalid;
        }
        if (finish.GetParameters() is not [var finishParameter] || finishParameter.ParameterType != buffer)
        {
            problem = $"{finish.Name} must take the buffer ({ClrTypeMap.Describe(buffer)}) and return the result";
            return Invalid;
        }
        if (ClrTypeMap.ToSpark(finish.ReturnType, out var returnProblem) is not { } resultType)
        {
            problem = $"{finish.Name}: return type: {returnProblem}";
            return Invalid;
        }

        // Value-type inputs are read as T? so NULL rows can be recognised and skipped.
        var slots = inputs.Select(p => Nullable.GetUnderlyingType(p.Type) is null && p.Type.IsValueType ? typeof(Nullable<>).MakeGenericType(p.Type) : p.Type).ToList();
        var element = slots.Count == 1 ? slots[0] : TupleType(slots);
        var listType = typeof(List<>).MakeGenericType(element);
        var fold = Compile(zero, reduce, finish, newTarget, inputs, slots, element, listType);
        var elementSpark = ClrTypeMap.Map(element);
        var parameter = new UdfParameter("values", listType, SparkType.ArrayOf(elementSpark), AcceptsNull: true);
        var signature = new UdfSignature([parameter], finish.ReturnType, resultType);
        return new UdafFold(fold, fold.GetType().GetMethod("Invoke")!, signature, inputs.Count);
    }

    private static readonly UdafFold Invalid = new(() => 0, typeof(Func<int>).GetMethod("Invoke")!, new UdfSignature([], typeof(int), SparkType.Int), 0);

    private static Type TupleType(IReadOnlyList<Type> items) => items.Count switch
    {
        2 => typeof(ValueTuple<,>).MakeGenericType([.. items]),
        3 => typeof(ValueTuple<,,>).MakeGenericType([.. items]),
        4 => typeof(ValueTuple<,,,>).MakeGenericType([.. items]),
        5 => typeof(ValueTuple<,,,,>).MakeGenericType([.. items]),
        6 => typeof(ValueTuple<,,,,,>).MakeGenericType([.. items]),
        7 => typeof(ValueTuple<,,,,,,>).MakeGenericType([.. items]),
        _ => throw new NotSupportedException("an aggregate takes at most 7 inputs"),
    };

    /// <summary>values => { var b = Zero(); foreach row: if (no NULL where none is allowed) b = Reduce(b, row…); return Finish(b); }</summary>
    private static Delegate Compile(
        MethodInfo zero, MethodInfo reduce, MethodInfo finish, Func<object>? newTarget,
        IReadOnlyList<UdfParameter> inputs, IReadOnlyList<Type> slots, Type element, Type listType)
    {
        var values = Expression.Parameter(listType, "values");
        var buffer = Expression.Variable(reduce.ReturnType, "buffer");
        var index = Expression.Variable(typeof(int), "i");
        var item = Expression.Variable(element, "item");
        var target = Expression.Variable(reduce.DeclaringType!, "aggregator");
        var locals = new List<ParameterExpression> { buffer, index, item, target };

        Expression Call(MethodInfo m, params Expression[] args) => m.IsStatic ? Expression.Call(m, args) : Expression.Call(target, m, args);

        var parts = slots.Select((_, i) => slots.Count == 1 ? (Expression)item : Expression.Field(item, "Item" + (i + 1))).ToList();
        var conditions = new List<Expression>();
        var arguments = new List<Expression> { buffer };
        for (var i = 0; i < inputs.Count; i++)
        {
            var part = parts[i];
            if (!inputs[i].AcceptsNull)
            {
                conditions.Add(part.Type.IsValueType ? Expression.Property(part, "HasValue") : Expression.NotEqual(part, Expression.Constant(null, part.Type)));
            }
            arguments.Add(part.Type != inputs[i].Type ? Expression.Convert(part, inputs[i].Type) : part);
        }
        Expression step = Expression.Assign(buffer, Call(reduce, [.. arguments]));
        if (conditions.Count > 0)
        {
            step = Expression.IfThen(conditions.Aggregate(Expression.AndAlso), step);
        }
        var end = Expression.Label("end");
        var count = Expression.Property(values, "Count");
        var body = new List<Expression>();
        if (newTarget is not null)
        {
            body.Add(Expression.Assign(target, Expression.Convert(Expression.Invoke(Expression.Constant(newTarget)), target.Type)));
        }
        body.Add(Expression.Assign(buffer, Call(zero)));
        body.Add(Expression.IfThen(
            Expression.NotEqual(values, Expression.Constant(null, listType)),
            Expression.Block(
                Expression.Assign(index, Expression.Constant(0)),
                Expression.Loop(
                    Expression.IfThenElse(
                        Expression.LessThan(index, count),
                        Expression.Block(
                            Expression.Assign(item, Expression.Property(values, "Item", index)),
                            step,
                            Expression.PreIncrementAssign(index)),
                        Expression.Break(end)),
                    end))));
        body.Add(Call(finish, buffer));
        return Expression.Lambda(Expression.Block(finish.ReturnType, locals, body), values).Compile();
    }
}
