namespace ByzerSharp.Pipeline.Bench;

/// <summary>Which of the example's statements make up each stage that has a floor.</summary>
internal static class Stages
{
    public static readonly (string Stage, string Floor, Func<TimedStatement, bool> Match)[] All =
    [
        ("read", "read (parallel files)", s => s.Summary.StartsWith("load binaryFile.", StringComparison.Ordinal)),
        ("resize", "resize (OpenCvSharp loop)", s => s.Keyword == "#%csharp" && s.Summary.Contains("#%output=cifar10_resize", StringComparison.Ordinal)),
        ("train", "train (TorchSharp loop)", s => s.Keyword == "#%csharp" && s.Summary.Contains("#%output=cifar10_model", StringComparison.Ordinal)),
        ("predict", "predict (one batch)", s => s.Summary.Contains("model_predict(", StringComparison.Ordinal)),
    ];
}
