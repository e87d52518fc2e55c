using System.Linq.Expressions;

namespace ByzerSharp.Cells.Runtime;

/// <summary>
/// Where a cell's parallel work runs: partitions of a table and actors. Today
/// <see cref="InProcessRuntime"/> runs them on threads of this process; the interface is shaped
/// so that an Akka.NET cluster can implement it later: partition work is addressed by a
/// serializable <see cref="DataServer"/>, actor calls are expression trees (a method and argument
/// values, no captured closures needed), and results are plain data.
/// </summary>
public interface IClusterRuntime : IDisposable
{
    /// <summary>How many tasks run at once (in-process: the CPU cores given to the runtime).</summary>
    int Workers { get; }

    /// <summary>Runs <paramref name="work"/> once per item, at most <see cref="Workers"/> at a time; results in input order.</summary>
    Task<TResult[]> RunAll<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> work, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates an actor: <paramref name="create"/> runs on a worker, then calls to the actor run
    /// there one at a time in the order they were made. Different actors run in parallel.
    /// </summary>
    IActorRef<T> Spawn<T>(Expression<Func<T>> create) where T : class;
}

/// <summary>A handle to an actor made by <see cref="IClusterRuntime.Spawn{T}"/>.</summary>
public interface IActorRef<T> : IAsyncDisposable where T : class
{
    /// <summary>Queues a call; the task completes with its result (or its exception).</summary>
    Task<TResult> Call<TResult>(Expression<Func<T, TResult>> call);

    /// <summary>Queues a call without a result.</summary>
    Task Call(Expression<Action<T>> call);

    /// <summary>Queues an asynchronous call; the actor runs nothing else until the returned task completes.</summary>
    Task<TResult> CallAsync<TResult>(Expression<Func<T, Task<TResult>>> call);
}

/// <summary>
/// One partition of a cell's input (Byzer's data server): which table, which slice. Plain data, so
/// it can be sent to an actor that then reads its rows with <c>context.CollectFrom(server)</c>.
/// </summary>
public sealed record DataServer(string Table, int Index, int Count);
