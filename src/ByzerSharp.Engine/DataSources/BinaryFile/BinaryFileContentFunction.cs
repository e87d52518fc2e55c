using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using ByzerSharp.DuckDb.Native;
using ByzerSharp.SparkSql.Types;
using DuckDB.NET.Data;

namespace ByzerSharp.DataSources.BinaryFile;

/// <summary>
/// <c>byzer_binary_file_content(path VARCHAR, length BIGINT, modified_ns BIGINT) → BLOB</c>: the
/// content column of a binaryFile table, read when a query needs it, like Spark's binaryFile reads at
/// action time. A file whose version (length, modification time) is no longer the listed one is an
/// error rather than a row mixing two versions. A NULL argument gives NULL.
/// </summary>
/// <remarks>
/// DuckDB scans a table in row groups of 122,880 rows, so a listing of 50,000 files reaches this function
/// on one thread, 2,048 rows at a time. Each call therefore reads its rows on every core itself, into one
/// pooled buffer, then copies them into DuckDB's vector on the calling thread (the vector's string heap is
/// not thread-safe).
/// </remarks>
public static class BinaryFileContentFunction
{
    public const string Name = "byzer_binary_file_content";

    /// <summary>Bytes read before they are copied into the vector: bounds the buffer when files are large.</summary>
    private const long BatchBytes = 16 << 20;

    /// <summary>Fewer rows than this are read on the calling thread.</summary>
    private const int ParallelFrom = 32;

    private static readonly ConditionalWeakTable<DuckDBConnection, object> Registered = [];

    /// <summary>Registers the function in <paramref name="connection"/>'s database, once.</summary>
    public static void Register(DuckDBConnection connection)
    {
        lock (Registered)
        {
            if (Registered.TryGetValue(connection, out _))
            {
                return;
            }
            // Volatile: the result depends on the file system, so DuckDB must not fold or reuse it.
            NativeScalarFunction.Register(
                connection, Name, [SparkType.String, SparkType.Long, SparkType.Long], SparkType.Binary, Chunks.Instance, isVolatile: true);
            Registered.Add(connection, new object());
        }
    }

    /// <summary>The function's body; it keeps no state, so one serves every database.</summary>
    private sealed class Chunks : IScalarChunkFunction
    {
        public static readonly Chunks Instance = new();

        public void Execute(ReadOnlySpan<IntPtr> inputs, IntPtr output, ulong rows) => Fill(inputs, output, rows);
    }

    private static unsafe void Fill(ReadOnlySpan<IntPtr> inputs, IntPtr output, ulong rowCount)
    {
        var paths = DuckDbNative.VectorGetData(inputs[0]);
        var lengths = (long*)DuckDbNative.VectorGetData(inputs[1]);
        var times = (long*)DuckDbNative.VectorGetData(inputs[2]);
        var pathsValid = DuckDbNative.VectorGetValidity(inputs[0]);
        var lengthsValid = DuckDbNative.VectorGetValidity(inputs[1]);
        var timesValid = DuckDbNative.VectorGetValidity(inputs[2]);
        var count = checked((int)rowCount);
        var files = new string?[count];
        var versions = new FileVersion[count];
        for (var i = 0; i < count; i++)
        {
            var row = (ulong)i;
            if (!DuckDbNative.IsValid(pathsValid, row) || !DuckDbNative.IsValid(lengthsValid, row) || !DuckDbNative.IsValid(timesValid, row))
            {
                continue;
            }
            var path = Encoding.UTF8.GetString(DuckString.Bytes(paths, row));
            files[i] = path.StartsWith("file:", StringComparison.Ordinal) ? path["file:".Length..] : path;
            versions[i] = new FileVersion(lengths[i], times[i]);
            if ((ulong)versions[i].Length > (ulong)Array.MaxLength)
            {
                // Spark's limit too (binaryFile content is one byte array).
                throw new IOException($"The length of {path} is {versions[i].Length}, which exceeds the max length allowed: {Array.MaxLength}");
            }
        }
        ulong* validity = null;
        for (var start = 0; start < count;)
        {
            var end = start;
            long bytes = 0;
            while (end < count && (end == start || bytes + versions[end].Length <= BatchBytes))
            {
                bytes += versions[end].Length;
                end++;
            }
            var offsets = new long[end - start];
            for (var i = start + 1; i < end; i++)
            {
                offsets[i - start] = offsets[i - start - 1] + versions[i - 1].Length;
            }
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(bytes, 1));
            try
            {
                ReadBatch(files, versions, start, end, buffer, offsets);
                fixed (byte* data = buffer)
                {
                    for (var i = start; i < end; i++)
                    {
                        if (files[i] is not null)
                        {
                            DuckDbNative.VectorAssignStringElementLen(output, (ulong)i, data + offsets[i - start], (ulong)versions[i].Length);
                            continue;
                        }
                        if (validity == null)
                        {
                            DuckDbNative.VectorEnsureValidityWritable(output);
                            validity = DuckDbNative.VectorGetValidity(output);
                        }
                        DuckDbNative.SetInvalid(validity, (ulong)i);
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            start = end;
        }
    }

    private static void ReadBatch(string?[] files, FileVersion[] versions, int start, int end, byte[] buffer, long[] offsets)
    {
        void Read(int i)
        {
            if (files[i] is not { } file)
            {
                return;
            }
            try
            {
                BinaryFileReader.ReadInto(file, versions[i], buffer.AsSpan((int)offsets[i - start], (int)versions[i].Length));
            }
            catch (Exception e) when (e is (IOException or UnauthorizedAccessException) and not FileChangedException)
            {
                // The query that fails may be far from the load: say which file and where it came from.
                throw new IOException($"cannot read the content of {BinaryFileReader.Uri(file)} listed by load binaryFile: {e.Message}", e);
            }
        }
        if (end - start < ParallelFrom)
        {
            for (var i = start; i < end; i++)
            {
                Read(i);
            }
            return;
        }
        // Contiguous ranges, a few per core: small files make per-row scheduling as costly as the reads.
        var rangeSize = Math.Max(1, (end - start) / (4 * Environment.ProcessorCount));
        // The error reported is the first failing row's, whichever thread met it first.
        var failedRow = int.MaxValue;
        Exception? failure = null;
        var gate = new object();
        Parallel.ForEach(Partitioner.Create(start, end, rangeSize), range =>
        {
            for (var i = range.Item1; i < range.Item2 && i < Volatile.Read(ref failedRow); i++)
            {
                try
                {
                    Read(i);
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        if (i < failedRow)
                        {
                            (failedRow, failure) = (i, e);
                        }
                    }
                    return;
                }
            }
        });
        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}
