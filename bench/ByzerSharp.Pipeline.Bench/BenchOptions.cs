using System.Globalization;

namespace ByzerSharp.Pipeline.Bench;

/// <summary>
/// Usage: ByzerSharp.Pipeline.Bench [--data DIR] [--work DIR] [--train N] [--test N] [--skip-floors] [--skip-pipeline] [--resize-rounds N]
/// --resize-rounds N then times the resize cell against its floor N times, alternating (needs the lake of a pipeline run).
/// Without --data, a synthetic set of --train + --test images (default 50,000 + 10,000) is written under --work first.
/// </summary>
internal sealed record BenchOptions(string? DataDir, string WorkDir, int Train, int Test, bool Floors, bool Pipeline, int ResizeRounds)
{
    public static BenchOptions Parse(string[] args)
    {
        string? data = null;
        var work = Path.Combine(Path.GetTempPath(), "byzer-pipeline-bench");
        int train = 50_000, test = 10_000;
        bool floors = true, pipeline = true;
        var resizeRounds = 0;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--data": data = Path.GetFullPath(Next()); break;
                case "--work": work = Path.GetFullPath(Next()); break;
                case "--train": train = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--test": test = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--skip-floors": floors = false; break;
                case "--skip-pipeline": pipeline = false; break;
                case "--resize-rounds": resizeRounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException("unknown option " + args[i]);
            }
        }
        return new BenchOptions(data, work, train, test, floors, pipeline, resizeRounds);
    }
}
