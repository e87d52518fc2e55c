using System.Linq.Expressions;
using System.Reflection;
using ByzerSharp.ScriptUdf.Marshalling;

namespace ByzerSharp.ScriptUdf.Functions;

/// <summary>
/// A C# method as a vectorised DuckDB function: one compiled loop per function reads each row's
/// arguments straight from the input vectors, calls the method and writes the result, so a row
/// costs a direct call and no boxing. A row with NULL in a parameter that cannot take NULL gives
/// NULL without calling the method (Spark's rule for Scala primitives).
/// </summary>
internal sealed class ScalarUdf : IDisposable
{
    private delegate void RowLoop(VectorReader[] readers, VectorWriter writer, object? target, ulong rows);

    private readonly RowLoop _loop;
    private readonly Lazy<RowLoop> _locatingLoop;
    private readonly ThreadLocal<Worker> _workers;

    /// <param name="method">a static method, or an instance method of <paramref name="newTarget"/>'s objects</param>
    /// <param name="newTarget">creates the object instance methods run on, one per DuckDB thread (null for static methods)</param>
    /// <param name="script">the script the code was written in, to locate exceptions thrown by it</param>
    public ScalarUdf(string name, MethodInfo method, UdfSignature signature, Func<object>? newTarget, Text.SourceFile? script)
    {
        Name = name;
        Method = method;
        Script = script;
        Signature = signature;
        var prototype = new Worker(signature, newTarget);
        _loop = Compile(method, signature, prototype, locating: false);
        _locatingLoop = new Lazy<RowLoop>(() => Compile(method, signature, prototype, locating: true));
        _workers = new ThreadLocal<Worker>(() => new Worker(signature, newTarget));
    }

    public string Name { get; }

    public MethodInfo Method { get; }

    public Text.SourceFile? Script { get; }

    public UdfSignature Signature { get; }

    /// <summary>Runs the method over one chunk: <paramref name="inputs"/> are the argument vectors.</summary>
    public void Execute(ReadOnlySpan<IntPtr> inputs, IntPtr output, ulong rows)
    {
        var worker = _workers.Value!;
        for (var i = 0; i < worker.Readers.Length; i++)
        {
            worker.Readers[i].Bind(inputs[i]);
        }
        worker.Writer.Bind(output);
        _loop(worker.Readers, worker.Writer, worker.Target, rows);
        worker.Writer.Complete();
    }

    /// <summary>
    /// Runs the chunk again through calls the JIT cannot inline, so that the exception it throws has
    /// the user method's frame (the fast loop usually inlines small methods, which loses the line).
    /// Returns that exception, or null when the rerun did not throw.
    /// </summary>
    public Exception? Rerun(ReadOnlySpan<IntPtr> inputs, IntPtr output, ulong rows)
    {
        var worker = _workers.Value!;
        try
        {
            for (var i = 0; i < worker.Readers.Length; i++)
            {
                worker.Readers[i].Bind(inputs[i]);
            }
            worker.Writer.Bind(output);
            _locatingLoop.Value(worker.Readers, worker.Writer, worker.Target, rows);
            worker.Writer.Complete();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    public void Dispose() => _workers.Dispose();

    private static RowLoop Compile(MethodInfo method, UdfSignature signature, Worker prototype, bool locating)
    {
        var readers = Expression.Parameter(typeof(VectorReader[]), "readers");
        var writerArg = Expression.Parameter(typeof(VectorWriter), "writer");
        var targetArg = Expression.Parameter(typeof(object), "target");
        var rows = Expression.Parameter(typeof(ulong), "rows");
        var loop = new ChunkLoop(readers, prototype.Readers, signature.Parameters);
        var writer = loop.Local(prototype.Writer.GetType(), "w", Expression.Convert(writerArg, prototype.Writer.GetType()));
        var target = method.IsStatic ? null : loop.Local(method.DeclaringType!, "target", Expression.Convert(targetArg, method.DeclaringType!));

        var args = loop.Arguments();
        var call = locating ? ThroughDelegate(method, target, args)
            : target is null ? Expression.Call(method, args)
            : Expression.Call(target, method, args);
        var write = writer.Type.GetMethod(nameof(VectorWriter<int>.Write))!;
        Expression body = Expression.Call(writer, write, loop.Row, Writers.Adapt(call, write.GetParameters()[1].ParameterType));
        if (loop.AllValid() is { } valid)
        {
            body = Expression.IfThenElse(
                valid,
                body,
                Expression.Call(writer, typeof(VectorWriter).GetMethod(nameof(VectorWriter.WriteNull))!, loop.Row));
        }
        return Expression.Lambda<RowLoop>(loop.Block(rows, body), readers, writerArg, targetArg, rows).Compile();
    }

    /// <summary>A call through a delegate, which the JIT does not inline, so the method keeps its stack frame.</summary>
    internal static Expression ThroughDelegate(MethodInfo method, Expression? target, IReadOnlyList<Expression> args)
    {
        var types = (target is null ? [] : new[] { method.DeclaringType! }).Concat(method.GetParameters().Select(p => p.ParameterType)).Append(method.ReturnType).ToArray();
        var open = Delegate.CreateDelegate(Expression.GetFuncType(types), null, method);
        return Expression.Invoke(Expression.Constant(open), target is null ? args : args.Prepend(target));
    }

    /// <summary>What one thread needs: its own readers and writer (they cache vector pointers) and its own target object.</summary>
    private sealed class Worker(UdfSignature signature, Func<object>? newTarget)
    {
        public VectorReader[] Readers { get; } = signature.Parameters
            .Select(p => p.AcceptsNull ? Marshalling.Readers.NullAccepting(p.Type) : Marshalling.Readers.Raw(p.Type))
            .ToArray();

        public VectorWriter Writer { get; } = Writers.ForResult(signature.ReturnType);

        public object? Target { get; } = newTarget?.Invoke();
    }
}
