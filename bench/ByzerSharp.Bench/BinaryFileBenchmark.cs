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
            for (var r = 0; r < args.Repetitions; r++)
            {
                floor.Add(Time(() => Floor(dir)));
                load.Add(Time(() => Engine(session, dir, args.Files)));
                Console.WriteLine($"  rep {r + 1}: floor {floor[^1]:F0} ms, load binaryFile {load[^1]:F0} ms");
            }
            Console.WriteLine($"best: floor {floor.Min():F0} ms, load binaryFile + count(*) {load.Min():F0} ms, ratio {(load.Min() / floor.Min()).ToString("F2", CultureInfo.InvariantCulture)}");
            var floorMedian = Median(floor);
            var loadMedian = Median(load);
            Console.WriteLine($"median: floor {floorMedian:F0} ms, load binaryFile + count(*) {loadMedian:F0} ms, ratio {(loadMedian / floorMedian).ToString("F2", CultureInfo.InvariantCulture)}");
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

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
