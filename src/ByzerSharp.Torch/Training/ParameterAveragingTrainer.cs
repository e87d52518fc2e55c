using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace ByzerSharp.Torch.Training;

/// <summary>
/// Synchronous data-parallel training by parameter averaging, the scheme of the reference pipeline's Ray
/// "parameter server": each replica trains one epoch on its own shard, then all replicas get the mean of the
/// replicas' parameters, and the next round starts. Replicas run on threads of this process; at most one
/// replica per core runs at a time and each gets cores / parallel intra-op threads, so 4 replicas on 2 cores
/// take turns two by two instead of fighting over the cores.
/// </summary>
public sealed class ParameterAveragingTrainer : IDisposable
{
    private readonly IReadOnlyList<(Tensor X, Tensor Y)> _shards;
    private readonly DataParallelOptions _options;
    private readonly MlpClassifier[] _replicas;
    private readonly optim.Optimizer[] _optimizers;

    /// <param name="shards">Per worker: features [n, inputs] float32 and labels [n] int64. Not owned.</param>
    public ParameterAveragingTrainer(Func<MlpClassifier> createModel, IReadOnlyList<(Tensor X, Tensor Y)> shards, DataParallelOptions options)
    {
        if (shards.Count == 0)
            throw new ArgumentException("at least one shard is needed", nameof(shards));
        _shards = shards;
        _options = options;
        random.manual_seed(options.Seed);
        _replicas = shards.Select(_ => createModel()).ToArray();
        if (options.ShareInitialWeights)
            Broadcast(_replicas[0]);
        _optimizers = _replicas.Select(r => (optim.Optimizer)optim.SGD(r.parameters(), options.LearningRate)).ToArray();
    }

    /// <summary>The averaged model (every replica holds the same weights after a round).</summary>
    public MlpClassifier Model => _replicas[0];

    public int Parallelism => Math.Max(1, Math.Min(_replicas.Length, _options.Cores));

    /// <param name="afterRound">Called with each round's report and the averaged model (e.g. to evaluate); not timed.</param>
    public IReadOnlyList<RoundReport> Train(Action<RoundReport, MlpClassifier>? afterRound = null)
    {
        var reports = new List<RoundReport>();
        set_num_threads(Math.Max(1, _options.Cores / Parallelism));
        for (var round = 1; round <= _options.Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var losses = new double[_replicas.Length];
            Parallel.For(0, _replicas.Length, new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
                worker => losses[worker] = TrainEpoch(worker, round));
            Average();
            var report = new RoundReport(round, losses.Average(), _shards.Sum(s => s.X.shape[0]), watch.Elapsed);
            reports.Add(report);
            afterRound?.Invoke(report, Model);
        }
        return reports;
    }

    private double TrainEpoch(int worker, int round)
    {
        var (x, y) = _shards[worker];
        var model = _replicas[worker];
        var optimizer = _optimizers[worker];
        var count = x.shape[0];
        using var generator = new Generator((ulong)(_options.Seed * 1000 + round * 10 + worker));
        using var order = randperm(count, generator: generator);
        double lossSum = 0;
        var batches = 0;
        for (long start = 0; start < count; start += _options.BatchSize)
        {
            using var scope = NewDisposeScope();
            var index = order.narrow(0, start, Math.Min(_options.BatchSize, count - start));
            var loss = nn.functional.cross_entropy(model.call(x.index_select(0, index)), y.index_select(0, index));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lossSum += loss.item<float>();
            batches++;
        }
        return batches == 0 ? 0 : lossSum / batches;
    }

    private void Average()
    {
        using var _ = no_grad();
        var parameters = _replicas.Select(r => r.parameters().ToArray()).ToArray();
        for (var p = 0; p < parameters[0].Length; p++)
        {
            using var mean = stack(parameters.Select(r => r[p]).ToArray()).mean([0]);
            foreach (var replica in parameters)
                replica[p].copy_(mean);
        }
    }

    private void Broadcast(MlpClassifier source)
    {
        using var _ = no_grad();
        var from = source.parameters().ToArray();
        foreach (var replica in _replicas.Skip(1))
        {
            var to = replica.parameters().ToArray();
            for (var p = 0; p < from.Length; p++)
                to[p].copy_(from[p]);
        }
    }

    public void Dispose()
    {
        foreach (var optimizer in _optimizers)
            optimizer.Dispose();
        foreach (var replica in _replicas)
            replica.Dispose();
    }
}
