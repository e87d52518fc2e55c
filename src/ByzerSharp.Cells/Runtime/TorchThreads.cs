namespace ByzerSharp.Cells.Runtime;

/// <summary>
/// Shares the cores between actors and TorchSharp's intra-op thread pool, which is process-wide:
/// with A actors on C cores, min(A, C) calls run at once (the runtime's slots), each with
/// C / min(A, C) torch threads, so the cores are neither idle nor oversubscribed.
/// </summary>
internal static class TorchThreads
{
    public static int For(int cores, int actors) => Math.Max(1, cores / Math.Max(1, Math.Min(actors, cores)));

    public static void Share(int cores, int actors) => TorchSharp.torch.set_num_threads(For(cores, actors));
}
