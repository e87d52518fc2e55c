namespace ByzerSharp.Pipeline.Bench;

/// <summary>
/// What the example's cells do, as constants shared by the floors: the seed resizes to 28×28 and trains
/// Dense(512, relu) → Dense(10) with 4 workers, 1 + 6 rounds of parameter averaging, batch 128.
/// </summary>
internal static class Workload
{
    public const int Side = 28;
    public const int Inputs = Side * Side * 3;
    public const int Workers = 4;
    public const int Rounds = 7;
    public const int BatchSize = 128;
    public const double LearningRate = 0.1;
}
