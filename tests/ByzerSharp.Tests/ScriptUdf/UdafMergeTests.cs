using System.Reflection;
using ByzerSharp.ScriptUdf.Functions;
using Xunit;

namespace ByzerSharp.Tests.ScriptUdf;

/// <summary>Which kind of state an aggregator gets: a buffer folded in place needs Merge and a buffer free of references.</summary>
public sealed class UdafMergeTests
{
    private static class Sum
    {
        public static long Zero() => 0;
        public static long Reduce(long s, long x) => s + x;
        public static long Merge(long a, long b) => a + b;
        public static long Finish(long s) => s;
    }

    private static class Concat
    {
        public static string Zero() => "";
        public static string Reduce(string s, long x) => s + x;
        public static string Merge(string a, string b) => a + b;
        public static string Finish(string s) => s;
    }

    private static class WrongMerge
    {
        public static long Zero() => 0;
        public static long Reduce(long s, long x) => s + x;
        public static long Merge(long a, int b) => a + b;
        public static long Finish(long s) => s;
    }

    private static Udaf? Build(Type type, bool withMerge, out string? problem)
    {
        MethodInfo M(string name) => type.GetMethod(name)!;
        return Udaf.Build("f", M("Zero"), M("Reduce"), M("Finish"), withMerge ? M("Merge") : null, null, null, out problem);
    }

    [Fact]
    public void ANumberBufferWithMergeIsFoldedInPlace()
    {
        using var udaf = Build(typeof(Sum), withMerge: true, out _)!;
        Assert.True(udaf.BufferStates);
        Assert.Equal(8UL, udaf.StateSize);
    }

    [Fact]
    public void WithoutMergeTheInputsAreLogged()
    {
        using var udaf = Build(typeof(Sum), withMerge: false, out _)!;
        Assert.False(udaf.BufferStates);
    }

    [Fact]
    public void ABufferWithReferencesIsLoggedEvenWithMerge()
    {
        using var udaf = Build(typeof(Concat), withMerge: true, out _)!;
        Assert.False(udaf.BufferStates);
    }

    [Fact]
    public void AMergeOfTheWrongShapeIsRefused()
    {
        Assert.Null(Build(typeof(WrongMerge), withMerge: true, out var problem));
        Assert.Contains("Merge must take two buffers", problem);
    }
}
