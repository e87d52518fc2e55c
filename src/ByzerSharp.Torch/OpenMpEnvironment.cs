using System.Runtime.InteropServices;

namespace ByzerSharp.Torch;

/// <summary>
/// libtorch's CPU kernels run on OpenMP (its own libgomp), whose threads by default spin while waiting for
/// each other. On a machine whose cores are shared (DuckDB's threads in this very process, other processes)
/// a spinning thread burns the time slice its descheduled partner needs: measured here under load, one
/// model trained 22× faster with passive waiting (see docs/performance.md). So unless the user chose a
/// policy, the process asks for PASSIVE before libgomp reads its environment, which it does once, when
/// it is loaded.
/// </summary>
internal static class OpenMpEnvironment
{
    public const string WaitPolicy = "OMP_WAIT_POLICY";

    // .NET keeps its own copy of the environment; libgomp reads the C library's, so set both.
    [DllImport("libc.so.6", EntryPoint = "setenv")]
    private static extern int SetEnv(string name, string value, int overwrite);

    /// <summary>Returns what was decided, for the load report.</summary>
    public static string PreferPassiveWaiting()
    {
        var chosen = Environment.GetEnvironmentVariable(WaitPolicy);
        if (!string.IsNullOrEmpty(chosen))
            return $"{WaitPolicy}={chosen} (set by the user)";
        if (!OperatingSystem.IsLinux())
            return $"{WaitPolicy} left at the OpenMP default";
        if (ProcessMaps.FindLibrary("libgomp") is { } loaded)
            return $"{WaitPolicy} left at the OpenMP default ({Path.GetFileName(loaded)} was already loaded)";
        if (SetEnv(WaitPolicy, "PASSIVE", 0) != 0)
            return $"{WaitPolicy} left at the OpenMP default (setenv failed)";
        Environment.SetEnvironmentVariable(WaitPolicy, "PASSIVE");
        return $"{WaitPolicy}=PASSIVE";
    }
}
