using System.Diagnostics;
using System.Globalization;
using ByzerSharp;
using ByzerSharp.Images;
using ByzerSharp.Images.Bench;
using ByzerSharp.Session;
using OpenCvSharp;

// load image over many small PNGs against the floor: reading every file and decoding it with
// Cv2.ImDecode in a plain Parallel.ForEach. Both run in one process on the same page-cached files,
// alternating, so the ratio is what the engine adds (listing, pixel copy, DuckDB append, scan).
var files = 50_000;
var reps = 5;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    _ = args[i] switch
    {
        "--files" => files = value,
        "--reps" => reps = value,
        _ => throw new ArgumentException("unknown option " + args[i]),
    };
}

var dir = Dataset.Ensure(files);
Console.WriteLine($"images: {files:N0} 32x32 PNGs in {dir}, {Environment.ProcessorCount} cores, {reps} repetitions");
using var engine = new ByzerEngine(new ByzerOptions { TimeZone = "UTC", Extensions = { new ImageExtension() } });
// One session for all repetitions: what is measured is the load, not DuckDB's start-up.
using var session = engine.CreateSession();
// Warm-up: JIT, DuckDB start-up, page cache.
Floor(dir);
Load(session, dir, files);
var floor = new List<double>();
var load = new List<double>();
var floorCpu = new List<double>();
var loadCpu = new List<double>();
for (var r = 0; r < reps; r++)
{
    var (wall, cpu) = Time(() => Floor(dir));
    floor.Add(wall);
    floorCpu.Add(cpu);
    (wall, cpu) = Time(() => Load(session, dir, files));
    load.Add(wall);
    loadCpu.Add(cpu);
    Console.WriteLine($"  rep {r + 1}: floor {floor[^1]:F0} ms (cpu {floorCpu[^1]:F0}), load image + scan {load[^1]:F0} ms (cpu {loadCpu[^1]:F0})");
}
Console.WriteLine($"best: floor {floor.Min():F0} ms, load image + scan {load.Min():F0} ms, ratio {Ratio(load.Min(), floor.Min())}");
Console.WriteLine($"median: floor {Median(floor):F0} ms, load image + scan {Median(load):F0} ms, ratio {Ratio(Median(load), Median(floor))}");
// Process CPU time is less sensitive than wall time to other jobs on a shared machine.
Console.WriteLine($"cpu median: floor {Median(floorCpu):F0} ms, load image + scan {Median(loadCpu):F0} ms, ratio {Ratio(Median(loadCpu), Median(floorCpu))}");
Console.WriteLine($"load average: {(File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown")}");
return 0;

static long Floor(string dir)
{
    long pixels = 0;
    // As many threads as the loader's workers (one per core): on a busy machine an unbounded loop
    // takes a bigger share of the CPU with more threads, which measures the scheduler, not the work.
    var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
    Parallel.ForEach(Directory.EnumerateFiles(dir, "*.png"), parallel, file =>
    {
        using var image = Cv2.ImDecode(File.ReadAllBytes(file), ImreadModes.Unchanged);
        Interlocked.Add(ref pixels, (long)image.Rows * image.Cols);
    });
    return pixels;
}

static void Load(ByzerSession session, string dir, int expected)
{
    // The load decodes every file before it returns (nothing is lazy), and the scan reads every
    // decoded image's pixels column.
    var result = session.Run($"load image.`{dir}/*.png` as imgs;\nselect count(*) as n, sum(length(image.data)) as bytes from imgs where image.height > 0 as scanned;");
    var row = result.Table!.Rows[0];
    var n = Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
    var bytes = Convert.ToInt64(row[1], CultureInfo.InvariantCulture);
    if (n != expected || bytes != expected * 32L * 32 * 3)
    {
        throw new InvalidOperationException($"expected {expected} images of 3,072 bytes, got {n} images of {bytes} bytes");
    }
}

// Wall time and this process's CPU time (all threads) of one run, in ms.
static (double Wall, double Cpu) Time(Action action)
{
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    action();
    var wall = watch.Elapsed.TotalMilliseconds;
    process.Refresh();
    return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Ratio(double engine, double floor) => (engine / floor).ToString("F2", CultureInfo.InvariantCulture);
