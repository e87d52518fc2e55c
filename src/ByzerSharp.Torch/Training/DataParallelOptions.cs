namespace ByzerSharp.Torch.Training;

/// <summary>
/// Knobs of <see cref="ParameterAveragingTrainer"/>. The defaults follow the reference pipeline: 4 workers,
/// 1 + 6 rounds of one epoch each over the worker's shard, batch 128, plain SGD.
/// </summary>
public sealed record DataParallelOptions
{
    public int Rounds { get; init; } = 7;

    public int BatchSize { get; init; } = 128;

    /// <summary>
    /// Keras' "sgd" defaults to 0.01, tuned for unscaled inputs it never gets here: with inputs in [0,1] and a
    /// round being one pass over a quarter of the data, 0.1 reaches in 7 rounds what 0.01 needs ~4× more for.
    /// </summary>
    public double LearningRate { get; init; } = 0.1;

    public long Seed { get; init; } = 42;

    /// <summary>
    /// Start every replica from the same weights (replica 0's). The reference code lets each worker draw its own
    /// random initialisation, so its first average mixes unrelated networks; a common start is what parameter
    /// averaging assumes and makes the first round count.
    /// </summary>
    public bool ShareInitialWeights { get; init; } = true;

    /// <summary>Cores to share between the replicas; default all the process may use.</summary>
    public int Cores { get; init; } = Environment.ProcessorCount;
}
