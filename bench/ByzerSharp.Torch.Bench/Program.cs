using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ByzerSharp.Torch;
using ByzerSharp.Torch.Bench;
using ByzerSharp.Torch.Training;
using static TorchSharp.torch;

// Training floor of the reference pipeline (docs/performance.md, "Training floor"): how fast this machine trains
// the demo's MLP with TorchSharp, alone and as 4 parameter-averaged replicas, and what accuracy 1 + 6 rounds reach.
// Usage: ByzerSharp.Torch.Bench [--images N] [--single-images N] [--rounds R] [--workers W] [--lr LR] [--batch B] [--grey] [--source DIR]
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "");
string Option(string name, string fallback) => options.TryGetValue(name, out var v) && v.Length > 0 ? v : fallback;
int? images = options.ContainsKey("images") ? int.Parse(Option("images", "0"), CultureInfo.InvariantCulture) : null;
var rounds = int.Parse(Option("rounds", "7"), CultureInfo.InvariantCulture);
var workers = int.Parse(Option("workers", "4"), CultureInfo.InvariantCulture);
var learningRate = double.Parse(Option("lr", "0.1"), CultureInfo.InvariantCulture);
var batch = int.Parse(Option("batch", "128"), CultureInfo.InvariantCulture);
var rgb = !options.ContainsKey("grey");
var source = Option("source", "/usr/share/datasets/fashion-mnist");
var cores = Environment.ProcessorCount;

var load = TorchRuntime.EnsureLoaded();
Console.WriteLine($"machine: {cores} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, libtorch {__version__}");
Console.WriteLine($"native load: {load.Mode} ({load.Detail})");

using var train = Dataset.Exists(source) ? Dataset.FashionMnist(source, "train", images, rgb) : Dataset.Synthetic(images ?? 12000, rgb ? 2352 : 784, 1);
using var test = Dataset.Exists(source) ? Dataset.FashionMnist(source, "t10k", null, rgb) : Dataset.Synthetic(2000, rgb ? 2352 : 784, 2);
var inputs = (int)train.X.shape[1];
Console.WriteLine($"data: {train.Count} train / {test.Count} test images, {inputs} inputs, from {train.Origin}");

// Reference point: a plain float32 matmul with every core, the best the BLAS does on this machine.
set_num_threads(cores);
using (var a = rand(2048, 2048))
using (var b = rand(2048, 2048))
{
    a.matmul(b).Dispose();
    var watch = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    const int repeats = 10;
    for (var i = 0; i < repeats; i++)
        a.matmul(b).Dispose();
    var flops = 2.0 * 2048 * 2048 * 2048 * repeats;
    Console.WriteLine($"matmul 2048x2048: {flops / watch.Elapsed.TotalSeconds / 1e9:F1} GFLOP/s wall, "
        + $"{flops / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / 1e9:F1} GFLOP per CPU-second");
}

MlpClassifier NewModel() => new(inputs);
long flopsPerImage;
using (var probe = NewModel())
    flopsPerImage = probe.TrainingFlopsPerExample;
Console.WriteLine($"model: {inputs} → 512 relu → 10, {flopsPerImage / 1e6:F2} MFLOP per training image; SGD lr={learningRate}, batch {batch}");

// Wall-clock rates suffer when other processes share the cores; FLOPs per CPU-second of this process do much
// less, so both are printed, with the load average, to tell a slow machine from a busy one.
static TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
void Describe(string label, long examples, TimeSpan elapsed, TimeSpan cpu) =>
    Console.WriteLine($"{label}: {examples / elapsed.TotalSeconds:F0} images/s, {examples * flopsPerImage / elapsed.TotalSeconds / 1e9:F1} GFLOP/s wall "
        + $"({elapsed.TotalSeconds:F2} s), {examples * flopsPerImage / cpu.TotalSeconds / 1e9:F1} GFLOP per CPU-second, load average {LoadAverage()}");

// One model, one epoch over the first --single-images training images, every core on each batch.
var singleCount = Math.Min(train.Count, long.Parse(Option("single-images", "12800"), CultureInfo.InvariantCulture));
using (var single = new ParameterAveragingTrainer(NewModel, [(train.X.narrow(0, 0, singleCount), train.Y.narrow(0, 0, singleCount))],
           new DataParallelOptions { Rounds = 1, BatchSize = batch, LearningRate = learningRate, Cores = cores }))
{
    var cpu = CpuTime();
    var epoch = single.Train()[0];
    Describe("single model, 1 epoch", epoch.Examples, epoch.Elapsed, CpuTime() - cpu);
    Console.WriteLine($"  test accuracy after 1 epoch over {singleCount} images: {Evaluation.Accuracy(single.Model, test.X, test.Y):P2}");
}

// The pipeline: W shards, 1 + (R-1) rounds of one epoch per replica, parameters averaged after each round.
var shardSize = train.Count / workers;
var shards = Enumerable.Range(0, workers).Select(w => (train.X.narrow(0, w * shardSize, shardSize), train.Y.narrow(0, w * shardSize, shardSize))).ToList();
using var parallel = new ParameterAveragingTrainer(NewModel, shards,
    new DataParallelOptions { Rounds = rounds, BatchSize = batch, LearningRate = learningRate, Cores = cores });
Console.WriteLine($"data parallel: {workers} replicas × {shardSize} images, {parallel.Parallelism} at a time with {Math.Max(1, cores / parallel.Parallelism)} thread(s) each");
var total = TimeSpan.Zero;
var totalCpu = TimeSpan.Zero;
long seen = 0;
var cpuMark = CpuTime();
var reports = parallel.Train((round, model) =>
{
    total += round.Elapsed;
    totalCpu += CpuTime() - cpuMark;
    seen += round.Examples;
    Console.WriteLine($"  round {round.Round}: loss {round.MeanLoss:F4}, {round.Examples / round.Elapsed.TotalSeconds:F0} images/s, test accuracy {Evaluation.Accuracy(model, test.X, test.Y):P2}");
    cpuMark = CpuTime(); // evaluation is not training time
});
Describe($"data parallel, {reports.Count} rounds", seen, total, totalCpu);
