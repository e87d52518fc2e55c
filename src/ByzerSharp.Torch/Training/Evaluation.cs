using static TorchSharp.torch;

namespace ByzerSharp.Torch.Training;

public static class Evaluation
{
    /// <summary>Share of examples whose highest-scoring class is the label.</summary>
    public static double Accuracy(MlpClassifier model, Tensor x, Tensor y, int batchSize = 4096)
    {
        using var _ = no_grad();
        long correct = 0;
        var count = x.shape[0];
        for (long start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, count - start);
            var predicted = model.call(x.narrow(0, start, length)).argmax(1);
            correct += predicted.eq(y.narrow(0, start, length)).sum().item<long>();
        }
        return count == 0 ? 0 : (double)correct / count;
    }
}
