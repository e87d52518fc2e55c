using System.Linq.Expressions;
using ByzerSharp.ScriptUdf.Marshalling;

namespace ByzerSharp.ScriptUdf.Functions;

/// <summary>
/// What every compiled per-chunk loop shares (scalar functions, aggregate updates): typed locals for
/// the thread's readers, each argument read at the current row, the validity of the arguments that
/// cannot take NULL, and <c>for (row = 0; row &lt; rows; row++) body</c>. Typed locals let the JIT
/// call the readers' sealed Read methods directly.
/// </summary>
internal sealed class ChunkLoop
{
    private readonly List<ParameterExpression> _locals;
    private readonly List<Expression> _setup = [];
    private readonly IReadOnlyList<ParameterExpression> _readers;
    private readonly IReadOnlyList<UdfParameter> _parameters;

    /// <param name="readers">The lambda's VectorReader[] parameter.</param>
    /// <param name="prototype">Readers of the types the loop will be given.</param>
    public ChunkLoop(ParameterExpression readers, VectorReader[] prototype, IReadOnlyList<UdfParameter> parameters)
    {
        Row = Expression.Variable(typeof(ulong), "row");
        _locals = [Row];
        _parameters = parameters;
        _readers = prototype.Select((r, i) =>
        {
            var local = Expression.Variable(r.GetType(), "r" + i);
            _locals.Add(local);
            _setup.Add(Expression.Assign(local, Expression.Convert(Expression.ArrayIndex(readers, Expression.Constant(i)), r.GetType())));
            return local;
        }).ToList();
    }

    public ParameterExpression Row { get; }

    /// <summary>A local assigned once before the loop (a typed writer, the target object).</summary>
    public ParameterExpression Local(Type type, string name, Expression value)
    {
        var local = Expression.Variable(type, name);
        _locals.Add(local);
        _setup.Add(Expression.Assign(local, value));
        return local;
    }

    /// <summary>Each argument at <see cref="Row"/>, as its parameter's C# type.</summary>
    public List<Expression> Arguments() => _readers.Select((r, i) => Writers.Adapt(
        Expression.Call(r, r.Type.GetMethod(nameof(VectorReader<int>.Read))!, Row),
        _parameters[i].Type)).ToList();

    /// <summary>Whether every argument that cannot take NULL is valid at <see cref="Row"/>; null when all accept NULL.</summary>
    public Expression? AllValid() => _readers
        .Where((_, i) => !_parameters[i].AcceptsNull)
        .Select(r => (Expression)Expression.Call(r, typeof(VectorReader).GetMethod(nameof(VectorReader.IsValid))!, Row))
        .Aggregate((Expression?)null, (all, valid) => all is null ? valid : Expression.AndAlso(all, valid));

    /// <summary>The locals, their set-up and the loop over <paramref name="rows"/> running <paramref name="body"/>.</summary>
    public Expression Block(Expression rows, Expression body)
    {
        var end = Expression.Label("end");
        var loop = Expression.Block(
            Expression.Assign(Row, Expression.Constant(0UL)),
            Expression.Loop(
                Expression.IfThenElse(
                    Expression.LessThan(Row, rows),
                    Expression.Block(body, Expression.PreIncrementAssign(Row)),
                    Expression.Break(end)),
                end));
        return Expression.Block(_locals, _setup.Append(loop));
    }
}
