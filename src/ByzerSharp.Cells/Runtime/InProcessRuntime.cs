using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace ByzerSharp.Cells.Runtime;

/// <summary>
/// Workers are dedicated threads of this process, one per core given to the runtime, fed from one
/// FIFO queue: partition tasks and actor calls alike. So a cell with four actors on two cores runs
/// two calls at a time instead of four threads fighting for two cores, and the work does not
/// depend on the thread pool's injection rate. Each actor posts its next call only when the
/// previous one finished (<see cref="InProcessActor{T}"/>), behind whatever is queued, so actors
/// share the workers fairly. <see cref="ActorsSpawned"/> lets the caller share the cores with
/// TorchSharp's intra-op threads.
/// </summary>
public sealed class InProcessRuntime : IClusterRuntime
{
    private readonly BlockingCollection<Action> _queue = new();
    private readonly Thread[] _threads;
    private int _actors;

    public InProcessRuntime(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Workers = workers;
        _threads = Enumerable.Range(0, workers).Select(i => new Thread(Work) { IsBackground = true, Name = $"byzer-cell-worker-{i}" }).ToArray();
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    public int Workers { get; }

    /// <summary>Called with the number of live actors after each spawn.</summary>
    public Action<int>? ActorsSpawned { get; init; }

    public Task<TResult[]> RunAll<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> work, CancellationToken cancellationToken = default)
    {
        var tasks = items.Select(item =>
        {
            var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            Post(() =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    done.TrySetCanceled(cancellationToken);
                    return;
                }
                try
                {
                    done.TrySetResult(work(item));
                }
                catch (Exception e)
                {
                    done.TrySetException(e);
                }
            });
            return done.Task;
        }).ToArray();
        return Task.WhenAll(tasks);
    }

    public IActorRef<T> Spawn<T>(Expression<Func<T>> create) where T : class
    {
        var actor = new InProcessActor<T>(this, create.Compile());
        ActorsSpawned?.Invoke(Interlocked.Increment(ref _actors));
        return actor;
    }

    internal void ActorStopped() => Interlocked.Decrement(ref _actors);

    /// <summary>Queues work for the next free worker, in the poster's execution context (so cell code sees its <c>context</c>).</summary>
    internal void Post(Action work)
    {
        var flow = ExecutionContext.Capture();
        _queue.Add(flow is null ? work : () => ExecutionContext.Run(flow, static w => ((Action)w!)(), work));
    }

    private void Work()
    {
        foreach (var work in _queue.GetConsumingEnumerable())
        {
            // Every posted action completes its own task; nothing escapes to kill the worker.
            work();
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }
        _queue.Dispose();
    }
}
