namespace ByzerSharp.Pipeline.Bench;

/// <summary>Which of the example's statements make up each stage that has a floor.</summary>
internal static class Stages
{
    public static readonly (string Stage, string Floor, Func<TimedStatement, bool> Match)[] All =
    [
        ("read", "read (parallel files)", s => s.Summary.StartsWith("load binaryFile.", StringComparison.Ordinal)),
        ("resize", "resize (OpenCvSharp loop)", s => s.Summary.Contains("resize", StringComparison.OrdinalIgnoreCase) && s.Keyword != "save"),
        ("train", "train (TorchSharp loop)", s => s.Summary.Contains("train", StringComparison.OrdinalIgnoreCase) && s.Keyword is "run" or "!"),
        ("predict", "predict (one batch)", s => s.Summary.Contains("model_predict(", StringComparison.Ordinal)),
    ];
}
