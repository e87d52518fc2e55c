using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ByzerSharp.Datasets;
using ByzerSharp.Pipeline.Bench;
using ByzerSharp.Torch;
using ByzerSharp.Torch.Training;
using static TorchSharp.torch;

// The reference pipeline (examples/cifar10/cifar10.byzer) on the same training images as its floors, in one run:
// docs/performance.md, "The CIFAR-10 pipeline". Usage: see BenchOptions.
var options = BenchOptions.Parse(args);
var repo = RepoRoot();
var load = TorchRuntime.EnsureLoaded();
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, libtorch {__version__} ({load.Mode})");
Console.WriteLine($"load average at start: {LoadAverage()}");

var dataDir = options.DataDir;
if (dataDir is null)
{
    dataDir = Path.Combine(options.WorkDir, "synthetic");
    if (!Directory.Exists(Path.Combine(dataDir, "cifar", "train")) || Directory.GetFiles(Path.Combine(dataDir, "cifar", "train")).Length != options.Train)
    {
        if (Directory.Exists(dataDir))
            Directory.Delete(dataDir, recursive: true);
        var made = Stopwatch.StartNew();
        SyntheticImageSet.Write(dataDir, options.Train, options.Test);
        Console.WriteLine($"synthetic set: {options.Train} + {options.Test} images written in {made.Elapsed.TotalSeconds:F1} s (not part of any figure)");
    }
}
var trainFiles = Directory.GetFiles(Path.Combine(dataDir, "cifar", "train"), "*.png").Order(StringComparer.Ordinal).ToArray();
var testFiles = Directory.GetFiles(Path.Combine(dataDir, "cifar", "test"), "*.png").Order(StringComparer.Ordinal).ToArray();
Console.WriteLine($"data: {trainFiles.Length} train / {testFiles.Length} test images from {dataDir}");

var figures = new Dictionary<string, TimeSpan>();
TimeSpan Time(string name, Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    figures[name] = watch.Elapsed;
    Console.WriteLine($"  {name,-28} {watch.Elapsed.TotalSeconds,8:F2} s   (load average {LoadAverage()})");
    return watch.Elapsed;
}

double? floorAccuracy = null;
if (options.Floors)
{
    Console.WriteLine("floors (plain C#, same images):");
    // The pipeline reads and resizes the training and the test images (its load globs cifar/{train,test}): so do these.
    var allFiles = trainFiles.Concat(testFiles).ToArray();
    byte[][] raw = [], all = [];
    Time("read (parallel files)", () => raw = Floors.ReadFiles(allFiles));
    Time("resize (OpenCvSharp loop)", () => all = Floors.Resize(raw));
    var resized = all[..trainFiles.Length];
    var testResized = all[trainFiles.Length..];
    var labelNames = trainFiles.Select(LabelOf).Distinct().Order(StringComparer.Ordinal).ToList();
    Tensor x = null!, y = null!, testX = null!, testY = null!;
    Time("features (decode, scale)", () =>
    {
        x = Floors.Features(resized);
        y = tensor(trainFiles.Select(f => (long)labelNames.IndexOf(LabelOf(f))).ToArray());
    });
    testX = Floors.Features(testResized);
    testY = tensor(testFiles.Select(f => (long)labelNames.IndexOf(LabelOf(f))).ToArray());
    ParameterAveragingTrainer trainer = null!;
    Time("train (TorchSharp loop)", () => trainer = Floors.Train(x, y));
    long[] predicted = [];
    Time("predict (one batch)", () => predicted = Floors.Predict(trainer.Model, testX));
    var truth = testY.data<long>().ToArray();
    floorAccuracy = predicted.Zip(truth).Count(p => p.First == p.Second) / (double)Math.Max(1, truth.Length);
    Console.WriteLine($"  floor test accuracy: {floorAccuracy:P2}");
    trainer.Dispose();
    foreach (var t in new[] { x, y, testX, testY })
        t.Dispose();
}

if (options.Pipeline)
{
    var script = Path.Combine(repo, "examples", "cifar10", "cifar10.byzer");
    var workDir = Path.Combine(options.WorkDir, "pipeline");
    // The previous run's 60,000 files are deleted after this run, not before it: ext4 allocates inodes
    // slowly next to tens of thousands of just-deleted ones (recently_deleted() in its inode scan), which
    // made the example's image save 5x slower when it came seconds after the deletion.
    if (Directory.Exists(workDir))
    {
        var old = workDir + ".old-" + Guid.NewGuid().ToString("N")[..8];
        Directory.Move(workDir, old);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(old, recursive: true);
    }
    Console.WriteLine($"pipeline ({script}):");
    var (result, statements, total, error) = PipelineRun.Execute(script, dataDir, workDir);
    foreach (var s in statements)
        Console.WriteLine($"  line {s.Line,4}  {s.Elapsed.TotalSeconds,8:F2} s  {s.Summary}");
    Console.WriteLine($"  whole script {total.TotalSeconds:F2} s (statements {statements.Sum(s => s.Elapsed.TotalSeconds):F2} s), load average {LoadAverage()}");
    // A cell or UDF seen for the first time (or after a rebuild of ByzerSharp) pays Roslyn, about 2 s each;
    // a script run again loads them from the disk cache. Say which kind of run this was.
    var compilations = ByzerSharp.Scripting.CSharpCompiler.RoslynCompilations;
    Console.WriteLine(compilations == 0
        ? "  C# compile cache: warm (no Roslyn compilation in this run)"
        : $"  C# compile cache: cold ({compilations} Roslyn compilations are inside the figures; run again for warm ones)");
    if (error is not null)
        Console.WriteLine("  STOPPED: " + error.Render().Replace("\n", "\n  ", StringComparison.Ordinal));
    if (result?.Table is { } table)
        Console.WriteLine($"  last table {string.Join(", ", table.Columns.Select(c => c.Name))}: {string.Join(", ", table.Rows[0].Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))}");
    if (options.Floors)
    {
        Console.WriteLine("stage / floor:");
        foreach (var (stage, floor, match) in Stages.All)
        {
            var matched = statements.Where(s => match(s)).ToList();
            if (matched.Count == 0)
            {
                Console.WriteLine($"  {stage,-10} (did not run)   floor {figures[floor].TotalSeconds,8:F2} s");
                continue;
            }
            var spent = matched.Sum(s => s.Elapsed.TotalSeconds);
            Console.WriteLine($"  {stage,-10} {spent,8:F2} s   floor {figures[floor].TotalSeconds,8:F2} s   ratio {spent / figures[floor].TotalSeconds,6:F2}x");
        }
    }
}
if (options.ResizeRounds > 0)
{
    var lake = Path.Combine(options.WorkDir, "pipeline", "lake");
    if (!Directory.Exists(Path.Combine(lake, "data", "raw_cifar10")))
    {
        Console.WriteLine($"--resize-rounds needs the data lake of a pipeline run ({lake}): run without --skip-pipeline first");
        return 1;
    }
    ResizeRounds.Run(Path.Combine(repo, "examples", "cifar10", "cifar10.byzer"), lake, options.ResizeRounds, LoadAverage);
}
return 0;

static string LabelOf(string path) => Path.GetFileNameWithoutExtension(path).Split('_', 2)[1];

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ByzerSharp.sln")))
            return dir.FullName;
    }
    throw new InvalidOperationException("run the bench from inside the repository (ByzerSharp.sln not found above " + AppContext.BaseDirectory + ")");
}
