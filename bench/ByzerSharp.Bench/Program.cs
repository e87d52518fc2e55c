using ByzerSharp.Bench;

// Usage: ByzerSharp.Bench <benchmark> [--files N] [--reps R]
var benchmarks = new Dictionary<string, Func<BenchArgs, int>>(StringComparer.OrdinalIgnoreCase)
{
    ["binaryfile"] = BinaryFileBenchmark.Run,
};
if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine("usage: ByzerSharp.Bench <" + string.Join("|", benchmarks.Keys) + "> [--files N] [--reps R]");
    return 2;
}
return run(BenchArgs.Parse(args[1..]));
