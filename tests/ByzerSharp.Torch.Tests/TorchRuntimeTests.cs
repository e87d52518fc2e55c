using static TorchSharp.torch;

namespace ByzerSharp.Torch.Tests;

public sealed class TorchRuntimeTests
{
    [SkippableFact]
    public void Loads_the_native_backend_and_runs_a_matmul_with_its_backward_pass()
    {
        TorchTestRuntime.Load();

        using var a = tensor(new float[] { 1, 2, 3, 4 }, [2, 2], requires_grad: true);
        using var b = tensor(new float[] { 5, 6, 7, 8 }, [2, 2]);
        using var product = a.matmul(b);
        using var total = product.sum();
        total.backward();

        Assert.Equal([19f, 22f, 43f, 50f], product.data<float>().ToArray());
        // d(sum(a·b))/da = 1·bᵀ: each row of the gradient holds the row sums of b.
        Assert.Equal([11f, 15f, 11f, 15f], a.grad!.data<float>().ToArray());
    }

    [SkippableFact]
    public void Patches_a_copy_exactly_when_the_system_libstdcxx_lacks_GLIBCXX_3_4_32()
    {
        var report = TorchTestRuntime.Load();
        Skip.IfNot(OperatingSystem.IsLinux(), "the patch is Linux-only");

        var lacksVersion = !SystemLibStdCxx.Inspect().Versions.Contains(NativeLoadDecision.WaivableVersion);

        Assert.Equal(lacksVersion ? TorchLoadMode.PatchedCopy : TorchLoadMode.AsShipped, report.Mode);
        if (lacksVersion)
        {
            Assert.StartsWith(TorchTestRuntime.CacheDirectory, report.LibraryPath);
            Assert.True(File.Exists(report.LibraryPath));
            Assert.NotEqual(LibTorchSharpLocator.Find(), report.LibraryPath);
        }
        Assert.Same(report, TorchRuntime.EnsureLoaded());
    }

    [SkippableFact]
    public void Asks_OpenMP_for_passive_waiting_unless_a_policy_was_chosen()
    {
        var report = TorchTestRuntime.Load();
        Skip.IfNot(OperatingSystem.IsLinux(), "the policy is set through the C library's environment on Linux");

        var policy = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");

        Assert.False(string.IsNullOrEmpty(policy), report.Detail);
        Assert.Contains($"OMP_WAIT_POLICY={policy}", report.Detail);
    }
}
