using System.Diagnostics;
using System.Globalization;
using ByzerSharp.Session;

namespace ByzerSharp.Bench;

/// <summary>
/// load binaryFile over many small files, against the floor: listing the folder and reading
/// every file with a plain Parallel.ForEach(File.ReadAllBytes). The load is measured twice: with a
/// count(*) (the listing only, since the content is read when a query needs it) and with
/// sum(length(content)), which reads every file. All run in the same process on the same
/// (page-cached) files, alternating, so the ratios are what the engine adds.
/// </summary>
public static class BinaryFileBenchmark
{
    public static int Run(BenchArgs args)
    {
        var dir = Path.Combine(Path.GetTempPath(), "byzer-bench-binaryfile-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var expectedBytes = Generate(dir, args.Files);
            Console.WriteLine($"binaryfile: {args.Files:N0} files in {dir}, {Environment.ProcessorCount} cores, {args.Repetitions} repetitions");
            using var engine = new ByzerEngine(new ByzerOptions { TimeZone = "UTC" });
            // One session for all repetitions: what is measured is the load, not DuckDB's start-up.
            using var session = engine.CreateSession();
            // Three measurements, alternated so that other jobs on the machine disturb them alike.
            var sides = new (string Name, Action Run)[]
            {
                ("floor", () => Floor(dir)),
                ("load + count(*)", () => Engine(session, dir, "count(*)", args.Files)),
                ("load + sum(length(content))", () => Engine(session, dir, "sum(length(content))", expectedBytes)),
            };
            // Warm-up: JIT, DuckDB start-up, page cache.
            foreach (var side in sides)
            {
                side.Run();
            }
            var wall = sides.Select(_ => new List<double>()).ToArray();
            var cpu = sides.Select(_ => new List<double>()).ToArray();
            for (var r = 0; r < args.Repetitions; r++)
            {
                for (var k = 0; k < sides.Length; k++)
                {
                    var (w, c) = Time(sides[k].Run);
                    wall[k].Add(w);
                    cpu[k].Add(c);
                }
                Console.WriteLine($"  rep {r + 1}: " + string.Join(", ", sides.Select((side, k) => $"{side.Name} {wall[k][^1]:F0} ms (cpu {cpu[k][^1]:F0})")));
            }
            for (var k = 1; k < sides.Length; k++)
            {
                // Process CPU time is less sensitive than wall time to other jobs on a shared machine.
                Console.WriteLine($"{sides[k].Name}: best {wall[k].Min():F0} ms vs floor {wall[0].Min():F0} ms, ratio {Ratio(wall[k].Min(), wall[0].Min())}; " +
                    $"median {Median(wall[k]):F0} vs {Median(wall[0]):F0} ms, ratio {Ratio(Median(wall[k]), Median(wall[0]))}; " +
                    $"cpu median {Median(cpu[k]):F0} vs {Median(cpu[0]):F0} ms, ratio {Ratio(Median(cpu[k]), Median(cpu[0]))}");
            }
            Console.WriteLine($"load average: {LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Writes the files; returns their total size.</summary>
    private static long Generate(string dir, int count)
    {
        var random = new Random(42);
        long total = 0;
        Parallel.For(0, count, i =>
        {
            var bytes = new byte[512 + (i * 7919 % 3584)];
            lock (random)
            {
                random.NextBytes(bytes);
            }
            File.WriteAllBytes(Path.Combine(dir, $"file-{i:000000}.bin"), bytes);
            Interlocked.Add(ref total, bytes.Length);
        });
        return total;
    }

    private static long Floor(string dir)
    {
        long total = 0;
        Parallel.ForEach(Directory.EnumerateFiles(dir), file => Interlocked.Add(ref total, File.ReadAllBytes(file).LongLength));
        return total;
    }

    /// <summary>load binaryFile, then one aggregate over the table (which must give <paramref name="expected"/>).</summary>
    private static void Engine(ByzerSession session, string dir, string aggregate, long expected)
    {
        var result = session.Run($"load binaryFile.`{dir}` as files;\nselect {aggregate} as n from files as counted;");
        var n = Convert.ToInt64(result.Table!.Rows[0][0], CultureInfo.InvariantCulture);
        if (n != expected)
        {
            throw new InvalidOperationException($"{aggregate}: expected {expected}, got {n}");
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

    private static string Ratio(double value, double floor) => (value / floor).ToString("F2", CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
