using System.Linq.Expressions;

namespace ByzerSharp.Cells.Runtime;

/// <summary>
/// An actor on the runtime's workers. Its calls wait in its own mailbox; only one is posted to the
/// workers at a time, and the next one when it has finished, so calls run one at a time in the
/// order they were made. The first entry of the mailbox creates the instance.
/// </summary>
internal sealed class InProcessActor<T> : IActorRef<T> where T : class
{
    private readonly InProcessRuntime _runtime;
    private readonly Lock _gate = new();
    private readonly Queue<Func<Task>> _mailbox = new();
    private readonly TaskCompletionSource<T> _instance = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _running;
    private TaskCompletionSource? _idleSource;

    public InProcessActor(InProcessRuntime runtime, Func<T> create)
    {
        _runtime = runtime;
        Enqueue(() =>
        {
            try
            {
                _instance.SetResult(create());
            }
            catch (Exception e)
            {
                _instance.SetException(e);
            }
            return Task.CompletedTask;
        });
    }

    public Task<TResult> Call<TResult>(Expression<Func<T, TResult>> call)
    {
        var method = call.Compile();
        return Submit(instance => Task.FromResult(method(instance)));
    }

    public Task Call(Expression<Action<T>> call)
    {
        var method = call.Compile();
        return Submit(instance =>
        {
            method(instance);
            return Task.FromResult(true);
        });
    }

    public Task<TResult> CallAsync<TResult>(Expression<Func<T, Task<TResult>>> call) => Submit(call.Compile());

    private Task<TResult> Submit<TResult>(Func<T, Task<TResult>> work)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(async () =>
        {
            try
            {
                // A failed constructor fails every call, with the constructor's exception.
                var instance = await _instance.Task.ConfigureAwait(false);
                done.TrySetResult(await work(instance).ConfigureAwait(false));
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        return done.Task;
    }

    private void Enqueue(Func<Task> call)
    {
        lock (_gate)
        {
            _mailbox.Enqueue(call);
            if (!_running)
            {
                _running = true;
                _runtime.Post(RunNext);
            }
        }
    }

    private void RunNext()
    {
        Func<Task> call;
        lock (_gate)
        {
            call = _mailbox.Dequeue();
        }
        var running = call();
        if (running.IsCompleted)
        {
            Finished();
        }
        else
        {
            // An async call keeps the actor busy until it completes, without holding a worker.
            running.ContinueWith(_ => Finished(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void Finished()
    {
        lock (_gate)
        {
            if (_mailbox.Count > 0)
            {
                _runtime.Post(RunNext);
            }
            else
            {
                _running = false;
                _idleSource?.TrySetResult();
                _idleSource = null;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task idle;
        lock (_gate)
        {
            idle = _running ? (_idleSource ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task : Task.CompletedTask;
        }
        await idle.ConfigureAwait(false);
        if (_instance.Task.IsCompletedSuccessfully && _instance.Task.Result is IDisposable disposable)
        {
            disposable.Dispose();
        }
        _runtime.ActorStopped();
    }
}
