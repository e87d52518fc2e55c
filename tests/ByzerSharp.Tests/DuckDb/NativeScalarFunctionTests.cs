using System.Runtime.InteropServices;
using ByzerSharp.DuckDb.Native;
using ByzerSharp.SparkSql.Types;
using DuckDB.NET.Data;
using Xunit;

namespace ByzerSharp.Tests.DuckDb;

/// <summary>What registering a C-API scalar function owns, and what a failing function can do.</summary>
public sealed class NativeScalarFunctionTests : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public NativeScalarFunctionTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void ARefusedRegistrationFreesTheFunctionOnce()
    {
        var function = new Failing(describeThrows: false);
        // DuckDB refuses a function without a name after it has taken the extra info.
        Assert.Throws<InvalidOperationException>(() => NativeScalarFunction.Register(_connection, "", [SparkType.Long], SparkType.Long, function));
        Assert.Equal(1, function.Disposed);

        // A handle freed twice hands its slot out twice: two live handles would then share a target.
        var targets = Enumerable.Range(0, 5000).Select(i => new object()).ToArray();
        var handles = targets.Select(t => GCHandle.Alloc(t)).ToArray();
        try
        {
            Assert.Equal(handles.Length, handles.Select(h => GCHandle.ToIntPtr(h)).Distinct().Count());
            Assert.All(Enumerable.Range(0, handles.Length), i => Assert.Same(targets[i], handles[i].Target));
        }
        finally
        {
            foreach (var handle in handles)
            {
                handle.Free();
            }
        }
    }

    [Fact]
    public void AnErrorWhoseDescriptionThrowsStillFailsTheQueryWithItsOwnMessage()
    {
        NativeScalarFunction.Register(_connection, "failing", [SparkType.Long], SparkType.Long, new Failing(describeThrows: true));
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT failing(range) FROM range(10)";
        var error = Assert.ThrowsAny<Exception>(() => command.ExecuteScalar());
        Assert.Contains("the function failed", error.Message);
    }

    private sealed class Failing(bool describeThrows) : IScalarChunkFunction, IDisposable
    {
        public int Disposed { get; private set; }

        public void Execute(ReadOnlySpan<IntPtr> inputs, IntPtr output, ulong rows) => throw new InvalidOperationException("the function failed");

        public string DescribeError(Exception error, ReadOnlySpan<IntPtr> inputs, IntPtr output, ulong rows) =>
            describeThrows ? throw new InvalidOperationException("describing failed too") : error.Message;

        public void Dispose() => Disposed++;
    }
}
