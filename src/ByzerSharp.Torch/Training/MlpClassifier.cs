using TorchSharp;
using static TorchSharp.torch;

namespace ByzerSharp.Torch.Training;

/// <summary>
/// The reference pipeline's network: Dense(hidden, relu) → Dense(classes, softmax). The softmax is folded into
/// the loss (<see cref="nn.functional.cross_entropy"/> takes logits), which is the numerically stable way to
/// compute Keras' softmax + categorical_crossentropy; <see cref="Predict"/> applies it for probabilities.
/// </summary>
public sealed class MlpClassifier : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _hidden;
    private readonly nn.Module<Tensor, Tensor> _output;

    public MlpClassifier(int inputs, int hidden = 512, int classes = 10) : base(nameof(MlpClassifier))
    {
        Inputs = inputs;
        Classes = classes;
        _hidden = nn.Linear(inputs, hidden);
        _output = nn.Linear(hidden, classes);
        RegisterComponents();
    }

    public int Inputs { get; }

    public int Classes { get; }

    /// <summary>Multiply-adds of one forward pass per example, times 2 (FLOPs).</summary>
    public long ForwardFlopsPerExample => 2L * parameters().Where(p => p.dim() == 2).Sum(p => p.shape[0] * p.shape[1]);

    /// <summary>
    /// FLOPs of one training step per example: the forward pass, the weight gradients of both layers (same size
    /// as their forward products) and the input gradient of the output layer only (the inputs need no gradient).
    /// </summary>
    public long TrainingFlopsPerExample
    {
        get
        {
            var weights = parameters().Where(p => p.dim() == 2).Select(p => 2L * p.shape[0] * p.shape[1]).ToList();
            return 2 * weights.Sum() + weights[^1];
        }
    }

    public override Tensor forward(Tensor input)
    {
        using var hidden = nn.functional.relu(_hidden.call(input));
        return _output.call(hidden);
    }

    /// <summary>Class probabilities, like the Keras model's softmax output.</summary>
    public Tensor Predict(Tensor input)
    {
        using var _ = no_grad();
        using var logits = forward(input);
        return nn.functional.softmax(logits, 1);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hidden.Dispose();
            _output.Dispose();
        }
        base.Dispose(disposing);
    }
}
