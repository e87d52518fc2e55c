using ByzerSharp.ScriptUdf.Functions;
using Xunit;

namespace ByzerSharp.Tests.ScriptUdf;

/// <summary>The per-group input logs of C# aggregates, driven the way DuckDB drives their states.</summary>
public sealed unsafe class UdafLogTests
{
    [Fact]
    public void ANativeLogKeepsEveryItemInOrderAcrossBlocks()
    {
        var state = default(NativeLogState);
        var states = stackalloc IntPtr[] { (IntPtr)(&state) };
        try
        {
            for (var i = 0L; i < 100_000; i++)
            {
                NativeLog<long>.Add((IntPtr)states, 0, i);
            }
            Assert.Equal(Enumerable.Range(0, 100_000).Select(i => (long)i), Items<long>(&state));
            Assert.True(state.First != state.Last);
        }
        finally
        {
            NativeLogState.Destroy(&state);
        }
        Assert.True(state.First == null);
    }

    [Fact]
    public void AppendSharesTheSourceBlocksAndLeavesTheSourceAsItWas()
    {
        var (source, target, empty) = (default(NativeLogState), default(NativeLogState), default(NativeLogState));
        var states = stackalloc IntPtr[] { (IntPtr)(&source), (IntPtr)(&target) };
        var expected = Enumerable.Range(0, 1000).Select(i => ((double)i, i % 3 == 0 ? (int?)null : i)).ToList();
        try
        {
            foreach (var item in expected)
            {
                NativeLog<(double, int?)>.Add((IntPtr)states, 0, item);
            }
            NativeLog<(double, int?)>.Add((IntPtr)states, 1, (-1, null));
            NativeLog<(double, int?)>.Append(&target, &empty);
            NativeLog<(double, int?)>.Append(&target, &source);
            NativeLog<(double, int?)>.Append(&target, &source);
            Assert.Equal(expected, Items<(double, int?)>(&source));
            // Inline items are copied and chains shared, so the target's order is not the sources' one.
            Assert.Equal(Sorted(expected.Concat(expected).Append((-1.0, null))), Sorted(Items<(double, int?)>(&target)));

            // Both go on independently: the shared blocks are not written again.
            NativeLog<(double, int?)>.Add((IntPtr)states, 0, (1000, 1000));
            NativeLog<(double, int?)>.Add((IntPtr)states, 1, (-2, null));
            Assert.Equal(Sorted(expected.Append((1000.0, 1000))), Sorted(Items<(double, int?)>(&source)));
            Assert.Equal(Sorted(expected.Concat(expected).Append((-1.0, null)).Append((-2.0, null))), Sorted(Items<(double, int?)>(&target)));

            // The blocks outlive the state they came from.
            NativeLogState.Destroy(&source);
            Assert.Equal(Sorted(expected.Concat(expected).Append((-1.0, null)).Append((-2.0, null))), Sorted(Items<(double, int?)>(&target)));
        }
        finally
        {
            NativeLogState.Destroy(&source);
            NativeLogState.Destroy(&target);
        }
    }

    [Fact]
    public void ChainsOfCombinedStatesCanBeBorrowedAgain()
    {
        var (a, b, ab, all) = (default(NativeLogState), default(NativeLogState), default(NativeLogState), default(NativeLogState));
        var states = stackalloc IntPtr[] { (IntPtr)(&a), (IntPtr)(&b) };
        try
        {
            for (var i = 0L; i < 50; i++)
            {
                NativeLog<long>.Add((IntPtr)states, (ulong)(i % 2), i);
            }
            NativeLog<long>.Append(&ab, &a);
            NativeLog<long>.Append(&ab, &b);
            NativeLog<long>.Append(&all, &ab);
            NativeLogState.Destroy(&a);
            NativeLogState.Destroy(&ab);
            Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), Items<long>(&all).Order());
            Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)(2 * i) + 1), Items<long>(&b));
        }
        finally
        {
            NativeLogState.Destroy(&a);
            NativeLogState.Destroy(&b);
            NativeLogState.Destroy(&ab);
            NativeLogState.Destroy(&all);
        }
    }

    [Fact]
    public void AManagedLogIsCreatedOnTheFirstRowAndAppended()
    {
        var (source, target) = (IntPtr.Zero, IntPtr.Zero);
        var states = stackalloc IntPtr[] { (IntPtr)(&source), (IntPtr)(&target) };
        try
        {
            Assert.Null(ManagedLog<string?>.Find(&source));
            foreach (var s in new[] { "a", null, "ééé", "" })
            {
                ManagedLog<string?>.Add((IntPtr)states, 0, s);
            }
            ManagedLog<string?>.Append(&target, ManagedLog<string?>.Find(&source)!);
            var log = ManagedLog<string?>.Find(&target)!;
            Assert.Equal(new[] { "a", null, "ééé", "" }, log.Items.Take(log.Count));
        }
        finally
        {
            ManagedLogState.Destroy(&source);
            ManagedLogState.Destroy(&target);
        }
        Assert.Equal(IntPtr.Zero, source);
    }

    [Theory]
    [InlineData(1, 64)]
    [InlineData(64, 64)]
    [InlineData(65, 128)]
    [InlineData(100_000, 131_072)]
    [InlineData(10_000_000, 16_777_216)]
    public void LogMemoryHandsOutPowerOfTwoBlocks(long bytes, long expected)
    {
        var block = LogMemory.Allocate(bytes, out var size);
        try
        {
            Assert.Equal(expected, size);
            new Span<byte>(block, (int)Math.Min(size, int.MaxValue)).Fill(1);
        }
        finally
        {
            LogMemory.Release(block, size);
        }
    }

    private static List<(double, int?)> Sorted(IEnumerable<(double, int?)> items) => items.OrderBy(x => x.Item1).ThenBy(x => x.Item2 ?? -1).ToList();

    [Fact]
    public void SmallGroupsStayInsideTheStateAndNeedNoBlock()
    {
        var (a, b) = (default(NativeLogState), default(NativeLogState));
        var states = stackalloc IntPtr[] { (IntPtr)(&a), (IntPtr)(&b) };
        try
        {
            var inline = NativeLogState.InlineCapacity / sizeof(long);
            for (var i = 0L; i < inline; i++)
            {
                NativeLog<long>.Add((IntPtr)states, 0, i);
            }
            Assert.True(a.First == null);
            NativeLog<long>.Append(&b, &a);
            Assert.True(b.First == null && b.BorrowedCount == 0 && a.BorrowedCount == 0);
            NativeLog<long>.Add((IntPtr)states, 0, inline);
            Assert.True(a.First != null);
            NativeLog<long>.Append(&b, &a);
            Assert.Equal(Enumerable.Range(0, inline + 1).Select(i => (long)i), Items<long>(&a));
            Assert.Equal(Enumerable.Range(0, inline).Concat(Enumerable.Range(0, inline + 1)).Select(i => (long)i).Order(), Items<long>(&b).Order());
        }
        finally
        {
            NativeLogState.Destroy(&a);
            NativeLogState.Destroy(&b);
        }
    }

    private static List<T> Items<T>(NativeLogState* state)
    {
        NativeLog<T>.Seal(state);
        var items = new List<T>();
        for (var i = 0; i < NativeLog<T>.InlineCount((IntPtr)state); i++)
        {
            items.Add(NativeLog<T>.Get(NativeLogState.InlineItems((IntPtr)state), i));
        }
        for (var chain = 0; chain < NativeLogState.ChainCount((IntPtr)state); chain++)
        {
            for (var block = NativeLogState.ChainAt((IntPtr)state, chain); block != IntPtr.Zero; block = LogBlock.NextOf(block))
            {
                for (var i = 0; i < LogBlock.CountOf(block); i++)
                {
                    items.Add(NativeLog<T>.Get(LogBlock.ItemsOf(block), i));
                }
            }
        }
        return items;
    }
}
