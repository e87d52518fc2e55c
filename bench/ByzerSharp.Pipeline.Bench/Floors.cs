using System.Collections.Concurrent;
using ByzerSharp.Torch.Training;
using OpenCvSharp;
using static TorchSharp.torch;

namespace ByzerSharp.Pipeline.Bench;

/// <summary>
/// The floors: the same work as the pipeline's stages, written as plain C# loops with nothing of the interpreter
/// around them, each over the same images.
/// </summary>
internal static class Floors
{
    /// <summary>(a) Every file read into memory, in parallel.</summary>
    public static byte[][] ReadFiles(IReadOnlyList<string> paths)
    {
        var contents = new byte[paths.Count][];
        Parallel.For(0, paths.Count, i => contents[i] = File.ReadAllBytes(paths[i]));
        return contents;
    }

    /// <summary>(b) The seed's resize cell: decode (colour) → resize to 28×28 → encode PNG, in parallel.</summary>
    public static byte[][] Resize(IReadOnlyList<byte[]> pngs)
    {
        var resized = new byte[pngs.Count][];
        Parallel.ForEach(Partitioner.Create(0, pngs.Count), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                using var image = Cv2.ImDecode(pngs[i], ImreadModes.Color);
                using var small = new Mat();
                Cv2.Resize(image, small, new OpenCvSharp.Size(Workload.Side, Workload.Side));
                resized[i] = small.ImEncode(".png");
            }
        });
        return resized;
    }

    /// <summary>Decoded BGR pixels scaled to [0,1] ([n, 2352] float32), what the training cell feeds the network.</summary>
    public static Tensor Features(IReadOnlyList<byte[]> pngs)
    {
        var values = new float[(long)pngs.Count * Workload.Inputs];
        Parallel.For(0, pngs.Count, i =>
        {
            using var image = Cv2.ImDecode(pngs[i], ImreadModes.Color);
            image.GetArray(out Vec3b[] pixels);
            var offset = (long)i * Workload.Inputs;
            for (var p = 0; p < pixels.Length; p++)
            {
                values[offset + 3 * p] = pixels[p].Item0 / 255f;
                values[offset + 3 * p + 1] = pixels[p].Item1 / 255f;
                values[offset + 3 * p + 2] = pixels[p].Item2 / 255f;
            }
        });
        return tensor(values, [pngs.Count, Workload.Inputs]);
    }

    /// <summary>(c) The same MLP, shards, rounds and batch as the training cell, by the plain parameter-averaging loop.</summary>
    public static ParameterAveragingTrainer Train(Tensor x, Tensor y)
    {
        var shardSize = x.shape[0] / Workload.Workers;
        var shards = Enumerable.Range(0, Workload.Workers)
            .Select(w => (x.narrow(0, w * shardSize, w == Workload.Workers - 1 ? x.shape[0] - w * shardSize : shardSize),
                          y.narrow(0, w * shardSize, w == Workload.Workers - 1 ? x.shape[0] - w * shardSize : shardSize)))
            .ToList();
        var trainer = new ParameterAveragingTrainer(() => new MlpClassifier(Workload.Inputs), shards,
            new DataParallelOptions { Rounds = Workload.Rounds, BatchSize = Workload.BatchSize, LearningRate = Workload.LearningRate });
        trainer.Train();
        return trainer;
    }

    /// <summary>(d) Batched prediction: the class index of every row.</summary>
    public static long[] Predict(MlpClassifier model, Tensor x)
    {
        using var _ = no_grad();
        using var predicted = model.call(x).argmax(1);
        return predicted.data<long>().ToArray();
    }
}
