using System.Numerics;
using System.Runtime.InteropServices;

namespace ByzerSharp.ScriptUdf.Functions;

/// <summary>
/// Native memory for aggregate logs, in power-of-two blocks that are kept for reuse (up to
/// <see cref="MaxRetained"/> bytes in all) instead of going back to malloc. An aggregation frees all
/// its logs at once; glibc then returns that memory to the system, and the next query paid a page fault
/// per 4 KB touched again, as much as a third of a simple aggregate's time.
/// </summary>
internal static unsafe class LogMemory
{
    private const int MinShift = 6;
    private const int MaxShift = 22;
    private const long MaxRetained = 64L * 1024 * 1024;

    private static readonly Stack<IntPtr>[] Free = Enumerable.Range(0, MaxShift + 1).Select(_ => new Stack<IntPtr>()).ToArray();
    private static long _retained;

    /// <summary>A block of at least <paramref name="bytes"/> bytes; its size (a power of two) is in <paramref name="size"/>.</summary>
    public static byte* Allocate(long bytes, out long size)
    {
        var shift = Math.Max(MinShift, 64 - BitOperations.LeadingZeroCount((ulong)bytes - 1));
        size = 1L << shift;
        if (shift <= MaxShift)
        {
            var free = Free[shift];
            lock (free)
            {
                if (free.TryPop(out var block))
                {
                    Interlocked.Add(ref _retained, -size);
                    return (byte*)block;
                }
            }
        }
        return (byte*)NativeMemory.Alloc((nuint)size);
    }

    /// <summary>Gives back a block of <paramref name="size"/> bytes from <see cref="Allocate"/> (null is ignored).</summary>
    public static void Release(byte* block, long size)
    {
        if (block == null)
        {
            return;
        }
        var shift = BitOperations.Log2((ulong)size);
        if (shift <= MaxShift)
        {
            // Each size class has its own lock, so the total is kept with Interlocked (and may overshoot by a
            // block per class when threads race, which is harmless).
            if (Interlocked.Read(ref _retained) + size <= MaxRetained)
            {
                Interlocked.Add(ref _retained, size);
                var free = Free[shift];
                lock (free)
                {
                    free.Push((IntPtr)block);
                }
                return;
            }
        }
        NativeMemory.Free(block);
    }
}
