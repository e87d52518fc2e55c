using System.Globalization;

namespace ByzerSharp.Bench;

/// <summary>Command-line knobs shared by the benchmarks.</summary>
public sealed record BenchArgs(int Files, int Repetitions)
{
    public static BenchArgs Parse(string[] args)
    {
        var files = 50_000;
        var reps = 5;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--files":
                    files = value;
                    break;
                case "--reps":
                    reps = value;
                    break;
                default:
                    throw new ArgumentException("unknown option " + args[i]);
            }
        }
        return new BenchArgs(files, reps);
    }
}
