using Xunit;

namespace ByzerSharp.GoldenTests;

/// <summary>One xunit case per tests/golden/**/*.test file.</summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(GoldenRunner.GoldenRoot, "*.test", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(GoldenRunner.GoldenRoot, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Golden(string file)
    {
        var (failures, skipped) = GoldenRunner.Run(Path.Combine(GoldenRunner.GoldenRoot, file));
        if (skipped is not null)
        {
            // Reported in the output; xunit 2 has no dynamic skip without an extra package.
            Console.WriteLine($"{file}: skipped ({skipped})");
            return;
        }
        Assert.True(failures.Count == 0, $"{failures.Count} record(s) failed in {file}:\n\n" + string.Join("\n\n", failures));
    }

    [Fact]
    public void HasGoldenFiles() => Assert.NotEmpty(Files());
}
