using System.Linq.Expressions;

namespace ByzerSharp.Cells.Runtime;

/// <summary>
/// Workers are threads of this process. A slot semaphore sized to the cores given to the runtime
/// bounds everything that runs (partition tasks and actor calls alike), so a cell with four actors
/// on two cores runs two calls at a time instead of four threads fighting for two cores; each
/// actor's calls go through its own ordered queue. <see cref="ActorsSpawned"/> lets the caller
/// share the cores with TorchSharp's intra-op threads.
/// </summary>
public sealed class InProcessRuntime : IClusterRuntime
{
    private readonly SemaphoreSlim _slots;
    private int _actors;

    public InProcessRuntime(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Workers = workers;
        _slots = new SemaphoreSlim(workers, workers);
    }

    public int Workers { get; }

    /// <summary>Called with the number of live actors after each spawn.</summary>
    public Action<int>? ActorsSpawned { get; init; }

    public async Task<TResult[]> RunAll<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> work, CancellationToken cancellationToken = default)
    {
        var tasks = items.Select(item => Task.Run(async () =>
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return work(item);
            }
            finally
            {
                _slots.Release();
            }
        }, cancellationToken)).ToArray();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    public IActorRef<T> Spawn<T>(Expression<Func<T>> create) where T : class
    {
        var actor = new InProcessActor<T>(this, create.Compile());
        ActorsSpawned?.Invoke(Interlocked.Increment(ref _actors));
        return actor;
    }

    internal void ActorStopped() => Interlocked.Decrement(ref _actors);

    /// <summary>Runs one unit of work in a slot.</summary>
    internal async Task<TResult> InSlot<TResult>(Func<Task<TResult>> work)
    {
        await _slots.WaitAsync().ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
