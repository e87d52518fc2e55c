using System.Linq.Expressions;

namespace ByzerSharp.Cells.Runtime;

/// <summary>
/// An actor on this process's thread pool. Calls are chained on one task in the order they are
/// made, so they run one at a time and in order; the instance is created by the first link.
/// </summary>
internal sealed class InProcessActor<T> : IActorRef<T> where T : class
{
    private readonly InProcessRuntime _runtime;
    private readonly Lock _gate = new();
    private readonly Task<T> _instance;
    private Task _tail;

    public InProcessActor(InProcessRuntime runtime, Func<T> create)
    {
        _runtime = runtime;
        _instance = Task.Run(() => runtime.InSlot(() => Task.FromResult(create())));
        _tail = _instance;
    }

    public Task<TResult> Call<TResult>(Expression<Func<T, TResult>> call)
    {
        var method = call.Compile();
        return Enqueue(instance => Task.FromResult(method(instance)));
    }

    public Task Call(Expression<Action<T>> call)
    {
        var method = call.Compile();
        return Enqueue(instance =>
        {
            method(instance);
            return Task.FromResult(true);
        });
    }

    public Task<TResult> CallAsync<TResult>(Expression<Func<T, Task<TResult>>> call) => Enqueue(call.Compile());

    private Task<TResult> Enqueue<TResult>(Func<T, Task<TResult>> work)
    {
        lock (_gate)
        {
            var previous = _tail;
            var next = RunAfter(previous, work);
            // A failed call must not stop later calls (as in Ray), so the chain continues on completion of any kind.
            _tail = next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return next;
        }
    }

    private async Task<TResult> RunAfter<TResult>(Task previous, Func<T, Task<TResult>> work)
    {
        try
        {
            await previous.ConfigureAwait(false);
        }
        catch
        {
            // The previous call's failure belongs to its caller.
        }
        var instance = await _instance.ConfigureAwait(false);
        return await _runtime.InSlot(() => work(instance)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Task tail;
        lock (_gate)
        {
            tail = _tail;
        }
        await tail.ConfigureAwait(false);
        if (_instance.IsCompletedSuccessfully && _instance.Result is IDisposable disposable)
        {
            disposable.Dispose();
        }
        _runtime.ActorStopped();
    }
}
