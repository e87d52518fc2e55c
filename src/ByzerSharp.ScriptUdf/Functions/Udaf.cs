using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using ByzerSharp.ScriptUdf.Marshalling;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.ScriptUdf.Functions;

/// <summary>
/// A C# aggregator (Spark's Aggregator shape: <c>Zero()</c>, <c>Reduce(buffer, input…)</c>,
/// <c>Finish(buffer)</c>) as a DuckDB aggregate function. DuckDB keeps one state per group; update
/// appends each row's inputs to the group's log (see <see cref="NativeLog{T}"/>), combine concatenates the
/// logs of partial states (parallel aggregation), and finalize folds Zero/Reduce/Finish over a log,
/// on a new aggregator object per group for instance methods. Rows where a parameter that cannot take
/// NULL is NULL are skipped, as SQL aggregates skip NULLs.
/// </summary>
internal abstract unsafe class Udaf(string name, IReadOnlyList<UdfParameter> parameters, SparkType result, Text.SourceFile? script) : IDisposable
{
    public string Name { get; } = name;

    public IReadOnlyList<UdfParameter> Parameters { get; } = parameters;

    public SparkType Return { get; } = result;

    public Text.SourceFile? Script { get; } = script;

    /// <summary>The user's Reduce, whose declaration names the line of failures outside the user's code (converting inputs).</summary>
    public MethodInfo? Reduce { get; private set; }

    /// <summary>Whether the states are <see cref="NativeLogState"/>s (inputs without references) or <see cref="ManagedLog{T}"/> handles.</summary>
    public abstract bool NativeStates { get; }

    /// <summary>Whether a state is the buffer itself, folded in place (<see cref="MergingUdaf{TBuf, TOut}"/>): set up by <see cref="Init"/>, nothing to destroy.</summary>
    public virtual bool BufferStates => false;

    public virtual ulong StateSize => NativeStates ? (ulong)sizeof(NativeLogState) : ManagedLog<int>.StateSize;

    /// <summary>Sets up a new state (buffer states only; logs start empty).</summary>
    public virtual void Init(IntPtr state)
    {
    }

    /// <summary>Adds the rows of a chunk (<paramref name="inputs"/> are its vectors) to the states of their groups.</summary>
    public abstract void Update(ReadOnlySpan<IntPtr> inputs, IntPtr states, ulong rows);

    /// <summary>Adds each source state's inputs to the target state at the same index; the sources keep their inputs.</summary>
    public abstract void Combine(IntPtr* source, IntPtr* target, ulong count);

    /// <summary>Writes the result of each state into rows offset … offset + count - 1 of <paramref name="result"/>.</summary>
    public abstract void Results(IntPtr* states, IntPtr result, ulong count, ulong offset);

    public abstract void Dispose();

    /// <summary>The aggregate, or null with the reason when the three methods do not fit together.</summary>
    public static Udaf? Build(string name, MethodInfo zero, MethodInfo reduce, MethodInfo finish, MethodInfo? merge, Func<object>? newTarget, Text.SourceFile? script, out string? problem)
    {
        problem = null;
        var reduceSignature = UdfSignature.From(reduce, out var reduceProblem);
        if (reduceProblem is not null)
        {
            problem = $"{reduce.Name}: {reduceProblem}";
            return null;
        }
        var inputs = reduceSignature.Parameters.Skip(1).ToList();
        var buffer = reduce.ReturnType;
        if (inputs.Count == 0 || reduce.GetParameters()[0].ParameterType != buffer)
        {
            problem = $"{reduce.Name} must take (buffer, input…) and return the buffer type";
            return null;
        }
        if (inputs.Count > 7)
        {
            problem = $"{reduce.Name} takes {inputs.Count} inputs; an aggregate takes at most 7";
            return null;
        }
        if (zero.GetParameters().Length != 0 || zero.ReturnType != buffer)
        {
            problem = $"{zero.Name} must take no arguments and return {ClrTypeMap.Describe(buffer)}, the buffer type of {reduce.Name}";
            return null;
        }
        if (finish.GetParameters() is not [var finishParameter] || finishParameter.ParameterType != buffer)
        {
            problem = $"{finish.Name} must take the buffer ({ClrTypeMap.Describe(buffer)}) and return the result";
            return null;
        }
        if (ClrTypeMap.ToSpark(finish.ReturnType, out var returnProblem) is not { } resultType)
        {
            problem = $"{finish.Name}: return type: {returnProblem}";
            return null;
        }
        if (merge is not null && (merge.ReturnType != buffer || merge.GetParameters() is not [var left, var right]
            || left.ParameterType != buffer || right.ParameterType != buffer || merge.IsStatic != reduce.IsStatic))
        {
            problem = $"{merge.Name} must take two buffers ({ClrTypeMap.Describe(buffer)}) and return their merge, static like {reduce.Name} or not";
            return null;
        }
        var methods = new UdafMethods(zero, reduce, finish, newTarget);
        try
        {
            // With a Merge, a buffer without references is folded in place inside DuckDB's state;
            // otherwise each group logs its inputs and folds them once (a buffer with references
            // cannot live in native memory, and partial buffers cannot be joined without Merge).
            if (merge is not null && !(bool)typeof(RuntimeHelpers).GetMethod(nameof(RuntimeHelpers.IsReferenceOrContainsReferences))!.MakeGenericMethod(buffer).Invoke(null, null)!)
            {
                var merging = typeof(MergingUdaf<,>).MakeGenericType(buffer, finish.ReturnType);
                var folding = (Udaf)Activator.CreateInstance(merging, name, inputs, resultType, script, methods, merge)!;
                folding.Reduce = reduce;
                return folding;
            }
            var element = inputs.Count == 1 ? inputs[0].Type : TupleType(inputs.Select(p => p.Type).ToArray());
            var type = typeof(Udaf<,>).MakeGenericType(element, finish.ReturnType);
            var logging = (Udaf)Activator.CreateInstance(type, name, inputs, resultType, script, methods)!;
            logging.Reduce = reduce;
            return logging;
        }
        catch (TargetInvocationException e) when (e.InnerException is NotSupportedException unsupported)
        {
            problem = unsupported.Message;
            return null;
        }
    }

    private static Type TupleType(Type[] items) => items.Length switch
    {
        2 => typeof(ValueTuple<,>).MakeGenericType(items),
        3 => typeof(ValueTuple<,,>).MakeGenericType(items),
        4 => typeof(ValueTuple<,,,>).MakeGenericType(items),
        5 => typeof(ValueTuple<,,,,>).MakeGenericType(items),
        6 => typeof(ValueTuple<,,,,,>).MakeGenericType(items),
        _ => typeof(ValueTuple<,,,,,,>).MakeGenericType(items),
    };
}

/// <summary>Zero, Reduce and Finish, and how to make the object they run on (null when static).</summary>
internal sealed record UdafMethods(MethodInfo Zero, MethodInfo Reduce, MethodInfo Finish, Func<object>? NewTarget);

/// <summary>An aggregate whose log holds <typeparamref name="T"/> (the input, or a tuple of the inputs) and whose result is <typeparamref name="TOut"/>.</summary>
internal sealed unsafe class Udaf<T, TOut> : Udaf
{
    private static readonly bool Native = !RuntimeHelpers.IsReferenceOrContainsReferences<T>();

    private delegate void UpdateLoop(VectorReader[] readers, IntPtr states, ulong rows);

    /// <summary>Folds a log: the first <paramref name="count"/> of <paramref name="managed"/>, or the chains of blocks of the <see cref="NativeLogState"/> at <paramref name="native"/>.</summary>
    private delegate TOut Fold(T[]? managed, IntPtr native, int count);

    private readonly UpdateLoop _update;
    private readonly Fold _fold;
    private readonly Lazy<Fold> _locatingFold;
    private readonly ThreadLocal<VectorReader[]> _readers;
    private readonly ThreadLocal<VectorWriter<TOut>> _writers;

    public Udaf(string name, IReadOnlyList<UdfParameter> inputs, SparkType result, Text.SourceFile? script, UdafMethods methods)
        : base(name, inputs, result, script)
    {
        VectorReader[] NewReaders() => inputs
            .Select(p => p.AcceptsNull ? Readers.NullAccepting(p.Type) : Readers.Raw(p.Type))
            .ToArray();
        var prototype = NewReaders();
        _update = CompileUpdate(inputs, prototype);
        _fold = CompileFold(methods, inputs.Count, locating: false);
        _locatingFold = new Lazy<Fold>(() => CompileFold(methods, inputs.Count, locating: true));
        _readers = new ThreadLocal<VectorReader[]>(NewReaders);
        _writers = new ThreadLocal<VectorWriter<TOut>>(() => (VectorWriter<TOut>)Writers.For(typeof(TOut)));
        _ = _writers.Value; // the writer's construction fails now, for a result type it cannot write, rather than in a query
    }

    public override bool NativeStates => Native;

    public override void Update(ReadOnlySpan<IntPtr> inputs, IntPtr states, ulong rows)
    {
        var readers = _readers.Value!;
        for (var i = 0; i < readers.Length; i++)
        {
            readers[i].Bind(inputs[i]);
        }
        _update(readers, states, rows);
    }

    public override void Combine(IntPtr* source, IntPtr* target, ulong count)
    {
        for (var i = 0UL; i < count; i++)
        {
            if (Native)
            {
                NativeLog<T>.Append((NativeLogState*)target[i], (NativeLogState*)source[i]);
            }
            else if (ManagedLog<T>.Find((IntPtr*)source[i]) is { Count: > 0 } log)
            {
                ManagedLog<T>.Append((IntPtr*)target[i], log);
            }
        }
    }

    public override void Results(IntPtr* states, IntPtr result, ulong count, ulong offset)
    {
        var writer = _writers.Value!;
        writer.Bind(result);
        for (var i = 0UL; i < count; i++)
        {
            var (managed, native, length) = Items(states[i]);
            TOut value;
            try
            {
                value = _fold(managed, native, length);
            }
            catch (Exception e)
            {
                throw new UdafException(UdfError.Describe(Name, Script, e, Locate(managed, native, length), Reduce), e);
            }
            writer.Write(offset + i, value);
        }
        writer.Complete();
    }

    public override void Dispose()
    {
        _readers.Dispose();
        _writers.Dispose();
    }

    private static (T[]? Managed, IntPtr Native, int Count) Items(IntPtr state)
    {
        if (Native)
        {
            NativeLog<T>.Seal((NativeLogState*)state);
            return (null, state, 0);
        }
        var managed = ManagedLog<T>.Find((IntPtr*)state) ?? ManagedLog<T>.Empty;
        return (managed.Items, IntPtr.Zero, managed.Count);
    }

    /// <summary>The fold's exception again, from calls that keep the user's stack frames (see ScalarUdf.Rerun).</summary>
    private Exception? Locate(T[]? managed, IntPtr native, int count)
    {
        try
        {
            _locatingFold.Value(managed, native, count);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>for each row: if (no NULL where none is allowed) Log.Add(states, row, (r0.Read(row), r1.Read(row), …))</summary>
    private static UpdateLoop CompileUpdate(IReadOnlyList<UdfParameter> inputs, VectorReader[] prototype)
    {
        var readers = Expression.Parameter(typeof(VectorReader[]), "readers");
        var states = Expression.Parameter(typeof(IntPtr), "states");
        var rows = Expression.Parameter(typeof(ulong), "rows");
        var loop = new ChunkLoop(readers, prototype, inputs);
        var values = loop.Arguments();
        Expression element = values.Count == 1 ? values[0] : Expression.New(typeof(T).GetConstructor(values.Select(v => v.Type).ToArray())!, values);
        var add = (Native ? typeof(NativeLog<T>) : typeof(ManagedLog<T>)).GetMethod("Add")!;
        Expression body = Expression.Call(add, states, loop.Row, element);
        if (loop.AllValid() is { } valid)
        {
            body = Expression.IfThen(valid, body);
        }
        return Expression.Lambda<UpdateLoop>(loop.Block(rows, body), readers, states, rows).Compile();
    }

    /// <summary>(items, count) => { var b = Zero(); foreach item: b = Reduce(b, item…); return Finish(b); }, on a new object when the methods are instance ones.</summary>
    private static Fold CompileFold(UdafMethods methods, int inputCount, bool locating)
    {
        var managed = Expression.Parameter(typeof(T[]), "managed");
        var native = Expression.Parameter(typeof(IntPtr), "native");
        var count = Expression.Parameter(typeof(int), "count");
        var buffer = Expression.Variable(methods.Reduce.ReturnType, "buffer");
        var index = Expression.Variable(typeof(int), "i");
        var item = Expression.Variable(typeof(T), "item");
        var target = Expression.Variable(methods.Reduce.DeclaringType!, "aggregator");
        var locals = new List<ParameterExpression> { buffer, index, item, target };

        Expression Call(MethodInfo m, params Expression[] args) =>
            locating ? ScalarUdf.ThroughDelegate(m, m.IsStatic ? null : target, args)
            : m.IsStatic ? Expression.Call(m, args)
            : Expression.Call(target, m, args);

        var arguments = new List<Expression> { buffer };
        arguments.AddRange(Enumerable.Range(0, inputCount).Select(i => inputCount == 1 ? (Expression)item : Expression.Field(item, "Item" + (i + 1))));
        var body = new List<Expression>();
        if (methods.NewTarget is { } newTarget)
        {
            body.Add(Expression.Assign(target, Expression.Convert(Expression.Invoke(Expression.Constant(newTarget)), target.Type)));
        }
        body.Add(Expression.Assign(buffer, Call(methods.Zero)));
        if (Native)
        {
            // for (c = 0; c < ChainCount(native); c++)
            //     for (block = ChainAt(native, c); block != 0; block = NextOf(block)) { items = ItemsOf(block); count = CountOf(block); item loop }
            var chain = Expression.Variable(typeof(int), "chain");
            var chains = Expression.Variable(typeof(int), "chains");
            var block = Expression.Variable(typeof(IntPtr), "block");
            var items = Expression.Variable(typeof(IntPtr), "items");
            locals.AddRange([chain, chains, block, items]);
            var read = Expression.Call(typeof(NativeLog<T>).GetMethod(nameof(NativeLog<T>.Get))!, items, index);
            var blocksEnd = Expression.Label("blocksEnd");
            var chainsEnd = Expression.Label("chainsEnd");
            // The inline items first: items = InlineItems(native); count = InlineCount(native); item loop
            body.Add(Expression.Assign(items, Expression.Call(typeof(NativeLogState).GetMethod(nameof(NativeLogState.InlineItems))!, native)));
            body.Add(Expression.Assign(count, Expression.Call(typeof(NativeLog<T>).GetMethod(nameof(NativeLog<T>.InlineCount))!, native)));
            body.Add(ItemLoop(read));
            body.Add(Expression.Assign(chains, Expression.Call(typeof(NativeLogState).GetMethod(nameof(NativeLogState.ChainCount))!, native)));
            body.Add(Expression.Assign(chain, Expression.Constant(0)));
            body.Add(Expression.Loop(
                Expression.IfThenElse(
                    Expression.LessThan(chain, chains),
                    Expression.Block(
                        Expression.Assign(block, Expression.Call(typeof(NativeLogState).GetMethod(nameof(NativeLogState.ChainAt))!, native, chain)),
                        Expression.Loop(
                            Expression.IfThenElse(
                                Expression.NotEqual(block, Expression.Constant(IntPtr.Zero)),
                                Expression.Block(
                                    Expression.Assign(items, Expression.Call(typeof(LogBlock).GetMethod(nameof(LogBlock.ItemsOf))!, block)),
                                    Expression.Assign(count, Expression.Call(typeof(LogBlock).GetMethod(nameof(LogBlock.CountOf))!, block)),
                                    ItemLoop(read),
                                    Expression.Assign(block, Expression.Call(typeof(LogBlock).GetMethod(nameof(LogBlock.NextOf))!, block))),
                                Expression.Break(blocksEnd)),
                            blocksEnd),
                        Expression.PreIncrementAssign(chain)),
                    Expression.Break(chainsEnd)),
                chainsEnd));
        }
        else
        {
            body.Add(ItemLoop(Expression.ArrayIndex(managed, index)));
        }

        // for (i = 0; i < count; i++) buffer = Reduce(buffer, item…)
        Expression ItemLoop(Expression read)
        {
            var end = Expression.Label("end");
            return Expression.Block(
                Expression.Assign(index, Expression.Constant(0)),
                Expression.Loop(
                    Expression.IfThenElse(
                        Expression.LessThan(index, count),
                        Expression.Block(
                            Expression.Assign(item, read),
                            Expression.Assign(buffer, Call(methods.Reduce, [.. arguments])),
                            Expression.PreIncrementAssign(index)),
                        Expression.Break(end)),
                    end));
        }

        body.Add(Writers.Adapt(Call(methods.Finish, buffer), typeof(TOut)));
        return Expression.Lambda<Fold>(Expression.Block(typeof(TOut), locals, body), managed, native, count).Compile();
    }
}

/// <summary>A failure inside the aggregate, its message ready for DuckDB's error.</summary>
internal sealed class UdafException(string message, Exception inner) : Exception(message, inner);
