using ByzerSharp.Cells.Runtime;
using Xunit;

namespace ByzerSharp.Tests.Cells;

public sealed class InProcessRuntimeTests
{
    private sealed class Probe
    {
        private static int _active;
        private static int _max;

        public static int Max => Volatile.Read(ref _max);

        public List<int> Log { get; } = [];

        public static void Reset()
        {
            _active = 0;
            _max = 0;
        }

        public void Record(int n)
        {
            var now = Interlocked.Increment(ref _active);
            int seen;
            while ((seen = Volatile.Read(ref _max)) < now && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }
            Thread.Sleep(10);
            Log.Add(n);
            Interlocked.Decrement(ref _active);
        }

        public int Fail() => throw new InvalidOperationException("boom");
    }

    [Fact]
    public async Task Calls_to_one_actor_keep_their_order_and_actors_run_in_parallel_up_to_the_workers()
    {
        Probe.Reset();
        using var runtime = new InProcessRuntime(2);
        var actors = Enumerable.Range(0, 3).Select(_ => runtime.Spawn(() => new Probe())).ToList();
        var calls = new List<Task>();
        for (var n = 0; n < 10; n++)
        {
            foreach (var actor in actors)
            {
                var k = n;
                calls.Add(actor.Call(p => p.Record(k)));
            }
        }
        await Task.WhenAll(calls);
        foreach (var actor in actors)
        {
            Assert.Equal(Enumerable.Range(0, 10), await actor.Call(p => p.Log));
        }
        Assert.Equal(2, Probe.Max);
    }

    [Fact]
    public async Task A_failed_call_fails_its_own_task_only()
    {
        using var runtime = new InProcessRuntime(1);
        var actor = runtime.Spawn(() => new Probe());
        var failed = actor.Call(p => p.Fail());
        var after = actor.Call(p => p.Log.Count);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        Assert.Equal(0, await after);
    }

    [Fact]
    public async Task RunAll_keeps_input_order_and_bounds_parallelism()
    {
        Probe.Reset();
        using var runtime = new InProcessRuntime(2);
        var probe = new Probe();
        var results = await runtime.RunAll(Enumerable.Range(0, 6).ToList(), i =>
        {
            new Probe().Record(i);
            return i * i;
        });
        Assert.Equal([0, 1, 4, 9, 16, 25], results);
        Assert.Equal(2, Probe.Max);
    }

    [Theory]
    [InlineData(2, 4, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(8, 2, 4)]
    [InlineData(2, 0, 2)]
    public void Torch_threads_share_the_cores_between_running_actors(int cores, int actors, int threads) =>
        Assert.Equal(threads, TorchThreads.For(cores, actors));
}
