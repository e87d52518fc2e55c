using System.Diagnostics;
using System.Globalization;
using ByzerSharp.Session;

namespace ByzerSharp.Bench;

/// <summary>
/// load binaryFile over many small files, against the floor: listing the folder and reading
/// every file with a plain Parallel.ForEach(File.ReadAllBytes). Both run in the same process on
/// the same (page-cached) files, alternating, so the ratio is what the engine adds.
/// </summary>
public static class BinaryFileBenchmark
{
    public static int Run(BenchArgs args)
    {
        var dir = Path.Combine(Path.GetTempPath(), "byzer-bench-binaryfile-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            Generate(dir, args.Files);
            Console.WriteLine($"binaryfile: {args.Files:N0} files in {dir}, {Environment.ProcessorCount} cores, {args.Repetitions} repetitions");
            using var engine = new ByzerEngine(new ByzerOptions { TimeZone = "UTC" });
            // One session for all repetitions: what is measured is the load, not DuckDB's start-up.
            using var session = engine.CreateSession();
            // Warm-up: JIT, DuckDB start-up, page cache.
            Floor(dir);
            Engine(session, dir, args.Files);
            var floor = new List<double>();
            var load = new List<double>();
            var floorCpu = new List<double>();
            var loadCpu = new List<double>();
            for (var r = 0; r < args.Repetitions; r++)
            {
                var (wall, cpu) = Time(() => Floor(dir));
                floor.Add(wall);
                floorCpu.Add(cpu);
                (wall, cpu) = Time(() => Engine(session, dir, args.Files));
                load.Add(wall);
                loadCpu.Add(cpu);
                Console.WriteLine($"  rep {r + 1}: floor {floor[^1]:F0} ms (cpu {floorCpu[^1]:F0}), load binaryFile {load[^1]:F0} ms (cpu {loadCpu[^1]:F0})");
            }
            Console.WriteLine($"best: floor {floor.Min():F0} ms, load binaryFile + count(*) {load.Min():F0} ms, ratio {(load.Min() / floor.Min()).ToString("F2", CultureInfo.InvariantCulture)}");
            var floorMedian = Median(floor);
            var loadMedian = Median(load);
            Console.WriteLine($"median: floor {floorMedian:F0} ms, load binaryFile + count(*) {loadMedian:F0} ms, ratio {(loadMedian / floorMedian).ToString("F2", CultureInfo.InvariantCulture)}");
            // Process CPU time is less sensitive than wall time to other jobs on a shared machine.
            Console.WriteLine($"cpu median: floor {Median(floorCpu):F0} ms, load binaryFile + count(*) {Median(loadCpu):F0} ms, ratio {(Median(loadCpu) / Median(floorCpu)).ToString("F2", CultureInfo.InvariantCulture)}");
            Console.WriteLine($"load average: {LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Generate(string dir, int count)
    {
        var random = new Random(42);
        Parallel.For(0, count, i =>
        {
            var bytes = new byte[512 + (i * 7919 % 3584)];
            lock (random)
            {
                random.NextBytes(bytes);
            }
            File.WriteAllBytes(Path.Combine(dir, $"file-{i:000000}.bin"), bytes);
        });
    }

    private static long Floor(string dir)
    {
        long total = 0;
        Parallel.ForEach(Directory.EnumerateFiles(dir), file => Interlocked.Add(ref total, File.ReadAllBytes(file).LongLength));
        return total;
    }

    private static void Engine(ByzerSession session, string dir, int expected)
    {
        var result = session.Run($"load binaryFile.`{dir}` as files;\nselect count(*) as n from files as counted;");
        var n = Convert.ToInt64(result.Table!.Rows[0][0], CultureInfo.InvariantCulture);
        if (n != expected)
        {
            throw new InvalidOperationException($"expected {expected} rows, got {n}");
        }
    }

    /// <summary>Wall time and this process's CPU time (all threads) of one run, in ms.</summary>
    private static (double Wall, double Cpu) Time(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        var wall = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
