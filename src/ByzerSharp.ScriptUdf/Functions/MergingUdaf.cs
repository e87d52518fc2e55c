using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using ByzerSharp.ScriptUdf.Marshalling;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.ScriptUdf.Functions;

/// <summary>
/// An aggregator that also has Spark's <c>B Merge(B, B)</c>, with a buffer B free of references
/// (numbers, dates, tuples of them). Then each group's DuckDB state is the buffer itself, folded in
/// place as rows arrive (<c>Reduce</c>), joined with <c>Merge</c> when DuckDB combines partial
/// states, and finished once: no log of inputs (compare <see cref="Udaf{T, TOut}"/>), the way DuckDB's
/// own sum works. Instance methods run on one aggregator object shared by all groups, as Spark's
/// Aggregator is one object; they must not keep state in fields.
/// </summary>
internal sealed unsafe class MergingUdaf<TBuf, TOut> : Udaf
{
    private delegate void UpdateLoop(VectorReader[] readers, IntPtr states, ulong rows);

    private readonly UpdateLoop _update;
    private readonly Func<TBuf> _zero;
    private readonly Func<TBuf, TBuf, TBuf> _merge;
    private readonly Func<TBuf, TOut> _finish;
    private readonly ThreadLocal<VectorReader[]> _readers;
    private readonly ThreadLocal<VectorWriter<TOut>> _writers;

    public MergingUdaf(string name, IReadOnlyList<UdfParameter> inputs, SparkType result, Text.SourceFile? script, UdafMethods methods, MethodInfo merge)
        : base(name, inputs, result, script)
    {
        VectorReader[] NewReaders() => inputs
            .Select(p => p.AcceptsNull ? Readers.NullAccepting(p.Type) : Readers.Raw(p.Type))
            .ToArray();
        var target = methods.NewTarget is { } newTarget ? Expression.Constant(newTarget(), methods.Reduce.DeclaringType!) : null;
        Expression Call(MethodInfo m, params Expression[] args) => m.IsStatic ? Expression.Call(m, args) : Expression.Call(target, m, args);
        _update = CompileUpdate(inputs, NewReaders(), methods.Reduce, Call);
        _zero = Expression.Lambda<Func<TBuf>>(Call(methods.Zero)).Compile();
        var a = Expression.Parameter(typeof(TBuf), "a");
        var b = Expression.Parameter(typeof(TBuf), "b");
        _merge = Expression.Lambda<Func<TBuf, TBuf, TBuf>>(Call(merge, a, b), a, b).Compile();
        _finish = Expression.Lambda<Func<TBuf, TOut>>(Writers.Adapt(Call(methods.Finish, a), typeof(TOut)), a).Compile();
        _readers = new ThreadLocal<VectorReader[]>(NewReaders);
        _writers = new ThreadLocal<VectorWriter<TOut>>(() => (VectorWriter<TOut>)Writers.For(typeof(TOut)));
        _ = _writers.Value; // a result type it cannot write fails now, not in a query
    }

    public override bool NativeStates => true;

    public override bool BufferStates => true;

    public override ulong StateSize => (ulong)Math.Max(1, Unsafe.SizeOf<TBuf>());

    public override void Init(IntPtr state)
    {
        try
        {
            Unsafe.WriteUnaligned((void*)state, _zero());
        }
        catch (Exception e)
        {
            throw Located(e);
        }
    }

    public override void Update(ReadOnlySpan<IntPtr> inputs, IntPtr states, ulong rows)
    {
        var readers = _readers.Value!;
        for (var i = 0; i < readers.Length; i++)
        {
            readers[i].Bind(inputs[i]);
        }
        try
        {
            _update(readers, states, rows);
        }
        catch (Exception e)
        {
            throw Located(e);
        }
    }

    public override void Combine(IntPtr* source, IntPtr* target, ulong count)
    {
        for (var i = 0UL; i < count; i++)
        {
            var into = (void*)target[i];
            try
            {
                Unsafe.WriteUnaligned(into, _merge(Unsafe.ReadUnaligned<TBuf>(into), Unsafe.ReadUnaligned<TBuf>((void*)source[i])));
            }
            catch (Exception e)
            {
                throw Located(e);
            }
        }
    }

    public override void Results(IntPtr* states, IntPtr result, ulong count, ulong offset)
    {
        var writer = _writers.Value!;
        writer.Bind(result);
        for (var i = 0UL; i < count; i++)
        {
            TOut value;
            try
            {
                value = _finish(Unsafe.ReadUnaligned<TBuf>((void*)states[i]));
            }
            catch (Exception e)
            {
                throw Located(e);
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

    private UdafException Located(Exception e) => new(UdfError.Describe(Name, Script, e, e, Reduce), e);

    /// <summary>for each row: if (no NULL where none is allowed) state[row] = Reduce(state[row], r0.Read(row), …)</summary>
    private static UpdateLoop CompileUpdate(IReadOnlyList<UdfParameter> inputs, VectorReader[] prototype, MethodInfo reduce, Func<MethodInfo, Expression[], Expression> call)
    {
        var readers = Expression.Parameter(typeof(VectorReader[]), "readers");
        var states = Expression.Parameter(typeof(IntPtr), "states");
        var rows = Expression.Parameter(typeof(ulong), "rows");
        var loop = new ChunkLoop(readers, prototype, inputs);
        var arguments = loop.Arguments();
        arguments.Insert(0, Expression.Call(typeof(BufferSlot<TBuf>).GetMethod(nameof(BufferSlot<TBuf>.Get))!, states, loop.Row));
        Expression body = Expression.Call(typeof(BufferSlot<TBuf>).GetMethod(nameof(BufferSlot<TBuf>.Set))!, states, loop.Row, call(reduce, [.. arguments]));
        if (loop.AllValid() is { } valid)
        {
            body = Expression.IfThen(valid, body);
        }
        return Expression.Lambda<UpdateLoop>(loop.Block(rows, body), readers, states, rows).Compile();
    }
}

/// <summary>The buffer inside the DuckDB state of row <c>row</c> of a chunk (states holds one state pointer per row).</summary>
internal static unsafe class BufferSlot<T>
{
    public static T Get(IntPtr states, ulong row) => Unsafe.ReadUnaligned<T>((void*)((IntPtr*)states)[row]);

    public static void Set(IntPtr states, ulong row, T value) => Unsafe.WriteUnaligned((void*)((IntPtr*)states)[row], value);
}
