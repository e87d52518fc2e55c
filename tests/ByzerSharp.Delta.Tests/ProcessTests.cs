using System.Diagnostics;
using ByzerSharp.Delta.Log;
using ByzerSharp.Delta.Write;
using Xunit;

namespace ByzerSharp.Delta.Tests;

/// <summary>Several OS processes committing to one table, and writers killed mid-way.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void ConcurrentAppendingProcessesLoseNoCommit()
    {
        const int writers = 4;
        const int commits = 8;
        const int rows = 3;
        using var fx = new TableFixture();
        fx.Write("SELECT -1::INTEGER AS writer, -1::INTEGER AS seq, 0::BIGINT AS i", WriteMode.ErrorIfExists);
        var processes = Enumerable.Range(0, writers).Select(w => Start(fx.Path(), w, commits, rows)).ToList();
        foreach (var p in processes)
        {
            Assert.True(p.WaitForExit(60_000), "a writer process hung");
            Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
        }
        var listing = DeltaTable.Open(fx.Path()).Listing();
        Assert.Equal(Enumerable.Range(0, 1 + writers * commits).Select(v => (long)v), listing.Commits.Keys);
        // Every (writer, seq) landed exactly once.
        Assert.Equal(writers * commits, fx.Duck.Long($"SELECT count(DISTINCT (writer, seq)) FROM ({fx.Scan()}) WHERE writer >= 0"));
        Assert.Equal(1 + writers * commits * rows, fx.Duck.Long($"SELECT count(*) FROM ({fx.Scan()})"));
        Assert.True(File.Exists(Path.Combine(listing.LogDir, LogListing.CheckpointName(30))));
    }

    [Fact]
    public void ProcessesCreatingTheSameTableAtOnceAllLand()
    {
        const int writers = 3;
        using var fx = new TableFixture();
        var processes = Enumerable.Range(0, writers).Select(w => Start(fx.Path(), w, 2, 2)).ToList();
        foreach (var p in processes)
        {
            Assert.True(p.WaitForExit(60_000), "a writer process hung");
            Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
        }
        Assert.Equal(Enumerable.Range(0, writers * 2).Select(v => (long)v), DeltaTable.Open(fx.Path()).Listing().Commits.Keys);
        Assert.Equal(writers * 2 * 2, fx.Duck.Long($"SELECT count(*) FROM ({fx.Scan()})"));
    }

    [Fact]
    public void AWriterKilledAtAnyPointLeavesAConsistentTable()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT -1::INTEGER AS writer, -1::INTEGER AS seq, 0::BIGINT AS i", WriteMode.ErrorIfExists);
        // Fixed delays (not random) keep the test deterministic in what it asserts; where the kill lands varies.
        foreach (var delay in new[] { 250, 500, 800, 1100, 1500 })
        {
            var p = Start(fx.Path(), delay, 1000, 5);
            Thread.Sleep(delay);
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            var snapshot = DeltaTable.Open(fx.Path()).Snapshot();
            var count = fx.Duck.Long($"SELECT count(*) FROM ({fx.Scan()})");
            // Every committed version is complete: the header row plus 5 rows per append.
            Assert.Equal(1 + 5 * snapshot.Version, count);
        }
        // The table still takes writes after the crashes.
        var result = fx.Write("SELECT 0::INTEGER AS writer, 0::INTEGER AS seq, 0::BIGINT AS i");
        Assert.Equal(DeltaTable.Open(fx.Path()).LatestVersion(), result.Version);
    }

    private static Process Start(string table, int writer, int commits, int rows)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { TestPaths.TestWriterDll, table, writer.ToString(System.Globalization.CultureInfo.InvariantCulture), commits.ToString(System.Globalization.CultureInfo.InvariantCulture), rows.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }
}
