namespace ByzerSharp.Torch.Training;

/// <summary>One round: every replica did one epoch over its shard, then the parameters were averaged.</summary>
public sealed record RoundReport(int Round, double MeanLoss, long Examples, TimeSpan Elapsed);
