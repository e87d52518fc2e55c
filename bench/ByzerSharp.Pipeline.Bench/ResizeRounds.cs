using System.Diagnostics;
using System.Globalization;
using ByzerSharp.Session;

namespace ByzerSharp.Pipeline.Bench;

/// <summary>
/// The resize stage alone, against its floor, several times, alternating: on a shared machine whose
/// load changes from minute to minute, a cell and a floor timed seconds apart compare better than two
/// stages of one pipeline run minutes apart. Runs the example's own resize cell (cut from the script)
/// on the raw images the pipeline run left in its data lake; the floor is the same plain OpenCvSharp
/// loop over the same images, already in memory.
/// </summary>
internal static class ResizeRounds
{
    public static void Run(string scriptPath, string lake, int rounds, Func<string> loadAverage)
    {
        // The cell statement's own time, as the pipeline's stage figures: not the fetch of the result
        // table that Run does after the last statement.
        var statement = TimeSpan.Zero;
        var options = PipelineExtensions.Options();
        options.OnStatementExecuted = timing => statement = timing.Elapsed;
        using var engine = new ByzerEngine(options);
        using var session = engine.CreateSession();
        session.Run($"set streaming.datalake.path = \"{lake}\" where type=\"conf\";\nload delta.`data.raw_cifar10` as raw_cifar10_table;");
        var images = new List<byte[]>();
        session.Database.Stream("SELECT content FROM " + Catalog.From(session.Catalog.Get("raw_cifar10_table", null)), row => images.Add((byte[])row[0]!));
        var cell = ResizeCell(File.ReadAllText(scriptPath));
        Console.WriteLine($"resize rounds ({images.Count} images, the example's cell vs the OpenCvSharp loop, alternating):");
        session.Run(cell, scriptPath); // compile (or load from the cache) and JIT outside the figures
        var cells = new List<double>();
        var floors = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            Floors.Resize(images);
            floors.Add(watch.Elapsed.TotalSeconds);
            session.Run(cell, scriptPath);
            cells.Add(statement.TotalSeconds);
            Console.WriteLine($"  round {round}: cell {cells[^1],6:F2} s   floor {floors[^1],6:F2} s   ratio {cells[^1] / floors[^1],5:F2}x   (load average {loadAverage()})");
        }
        var ratios = cells.Zip(floors, (c, f) => c / f).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ratio best {ratios[0]:F2}x, median {ratios[ratios.Count / 2]:F2}x, worst {ratios[^1]:F2}x; best times: cell {cells.Min():F2} s, floor {floors.Min():F2} s ({cells.Min() / floors.Min():F2}x)"));
    }

    /// <summary>The example's resize cell: from its #%csharp line to its #%end.</summary>
    private static string ResizeCell(string script)
    {
        var lines = script.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var output = Array.FindIndex(lines, l => l.Trim() == "#%output=cifar10_resize");
        var start = Array.FindLastIndex(lines, output, l => l.Trim() == "#%csharp");
        var end = Array.FindIndex(lines, output, l => l.Trim() == "#%end");
        if (output < 0 || start < 0 || end < 0)
        {
            throw new InvalidOperationException("the example has no #%csharp cell with #%output=cifar10_resize");
        }
        return string.Join('\n', lines[start..(end + 1)]) + "\n";
    }
}
