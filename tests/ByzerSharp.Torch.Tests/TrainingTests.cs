using ByzerSharp.Torch.Training;
using static TorchSharp.torch;

namespace ByzerSharp.Torch.Tests;

public sealed class TrainingTests
{
    [SkippableFact]
    public void The_reference_network_costs_the_expected_flops()
    {
        TorchTestRuntime.Load();
        using var model = new MlpClassifier(28 * 28 * 3);

        Assert.Equal(2L * (2352 * 512 + 512 * 10), model.ForwardFlopsPerExample);
        // forward + weight gradients of both layers + input gradient of the output layer
        Assert.Equal(2L * 2 * (2352 * 512 + 512 * 10) + 2L * 512 * 10, model.TrainingFlopsPerExample);
    }

    [SkippableFact]
    public void Parameter_averaging_over_four_shards_learns_a_separable_problem()
    {
        TorchTestRuntime.Load();
        const int inputs = 48, classes = 10;
        var (trainX, trainY) = Clusters(400, inputs, classes, seed: 1);
        var (testX, testY) = Clusters(200, inputs, classes, seed: 2);
        var shards = Enumerable.Range(0, 4)
            .Select(i => (trainX.narrow(0, i * 100, 100), trainY.narrow(0, i * 100, 100)))
            .ToList();

        using var trainer = new ParameterAveragingTrainer(() => new MlpClassifier(inputs, 32, classes), shards,
            new DataParallelOptions { BatchSize = 10, Rounds = 7, LearningRate = 0.5, Cores = 2 });
        var rounds = trainer.Train();

        Assert.Equal(7, rounds.Count);
        Assert.All(rounds, r => Assert.Equal(400, r.Examples));
        Assert.True(rounds[^1].MeanLoss < rounds[0].MeanLoss / 2, $"loss {rounds[0].MeanLoss} → {rounds[^1].MeanLoss}");
        var accuracy = Evaluation.Accuracy(trainer.Model, testX, testY);
        Assert.True(accuracy > 0.9, $"test accuracy {accuracy}");
    }

    /// <summary>Noisy copies of one random prototype per class, in [0,1] like scaled pixels.</summary>
    private static (Tensor X, Tensor Y) Clusters(int count, int inputs, int classes, int seed)
    {
        using var generator = new Generator(17);
        using var prototypes = rand([classes, inputs], generator: generator);
        using var sampler = new Generator((ulong)seed);
        var labels = randint(classes, [count], dtype: ScalarType.Int64, generator: sampler);
        using var noise = randn([count, inputs], generator: sampler);
        var features = (prototypes.index_select(0, labels) + noise * 0.15).clamp(0, 1);
        return (features, labels);
    }
}
