using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using ByzerSharp.DuckDb;
using DuckDB.NET.Data;
using DuckDB.NET.Data.DataChunk.Reader;
using DuckDB.NET.Data.DataChunk.Writer;

namespace ByzerSharp.DataSources.BinaryFile;

/// <summary>
/// <c>byzer_binary_file_content(path VARCHAR, length BIGINT, modified_ns BIGINT) → BLOB</c>: the
/// content column of a binaryFile table, read when a query needs it, like Spark's binaryFile reads at
/// action time. A file whose version (length, modification time) is no longer the listed one is an
/// error rather than a row mixing two versions.
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
#pragma warning disable DuckDBNET001 // the vectorised scalar function API is marked experimental
            // Not pure: the result depends on the file system, so DuckDB must not fold or reuse it.
            connection.RegisterScalarFunction<string, long, long, byte[]>(Name, Fill, new ScalarFunctionOptions { IsPureFunction = false });
#pragma warning restore DuckDBNET001
            Registered.Add(connection, new object());
        }
    }

    private static unsafe void Fill(IReadOnlyList<IDuckDBDataReader> arguments, IDuckDBDataWriter writer, ulong rowCount)
    {
        var vector = BlobVectorWriter.Vector(writer);
        var count = checked((int)rowCount);
        var files = new string?[count];
        var versions = new FileVersion[count];
        for (var i = 0; i < count; i++)
        {
            var row = (ulong)i;
            if (!arguments[0].IsValid(row) || !arguments[1].IsValid(row) || !arguments[2].IsValid(row))
            {
                continue;
            }
            var path = arguments[0].GetValue<string>(row);
            files[i] = path.StartsWith("file:", StringComparison.Ordinal) ? path["file:".Length..] : path;
            versions[i] = new FileVersion(arguments[1].GetValue<long>(row), arguments[2].GetValue<long>(row));
            if ((ulong)versions[i].Length > (ulong)Array.MaxLength)
            {
                // Spark's limit too (binaryFile content is one byte array).
                throw new IOException($"The length of {path} is {versions[i].Length}, which exceeds the max length allowed: {Array.MaxLength}");
            }
        }
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
                        if (files[i] is null)
                        {
                            writer.WriteNull((ulong)i);
                        }
                        else
                        {
                            BlobVectorWriter.Write(vector, (ulong)i, data + offsets[i - start], versions[i].Length);
                        }
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
