namespace ByzerSharp.Cells.Models;

/// <summary>One replica's batch function, as registerCode defined it with <c>context.Predict</c>.</summary>
internal sealed record Predictor(Type Input, Type Output, Func<IReadOnlyList<object?>, IReadOnlyList<object?>> Batch);
