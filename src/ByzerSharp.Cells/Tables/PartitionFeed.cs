using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ByzerSharp.Cells.Tables;

/// <summary>
/// Streams a table into one queue per partition from a single pass on a thread of its own, so the
/// workers start on their first rows while the rest is still being read, instead of each waiting
/// for its own query behind the session's one connection. Queues are unbounded: a partition whose
/// worker has not started yet (more partitions than workers) is buffered, as Spark's shuffle
/// files would be.
/// </summary>
internal sealed class PartitionFeed : IDisposable
{
    private readonly BlockingCollection<Row>[] _queues;
    private readonly Thread _reader;
    private volatile bool _stopped;
    private ExceptionDispatchInfo? _failure;

    public PartitionFeed(TableReader table, int count)
    {
        _queues = Enumerable.Range(0, count).Select(_ => new BlockingCollection<Row>()).ToArray();
        _reader = new Thread(() =>
        {
            try
            {
                table.Scan(count, (p, row) => _queues[p].Add(row), () => _stopped);
            }
            catch (OperationCanceledException) when (_stopped)
            {
                // The cell failed or finished without its input; nobody waits for more rows.
            }
            catch (Exception e)
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                foreach (var queue in _queues)
                {
                    queue.CompleteAdding();
                }
            }
        })
        { IsBackground = true, Name = "byzer-cell-reader" };
        _reader.Start();
    }

    /// <summary>
    /// The rows of one partition as they arrive; rethrows a failed read. Like Spark's partition
    /// iterator it can be walked once: a second walk fails instead of silently seeing no rows.
    /// </summary>
    public IEnumerable<Row> Partition(int index) => new Once(this, index);

    private IEnumerable<Row> Drain(int index)
    {
        foreach (var row in _queues[index].GetConsumingEnumerable())
        {
            yield return row;
        }
        _failure?.Throw();
    }

    /// <summary>Stops the read if it is still going and waits for it, so the session's connection is free again.</summary>
    public void Dispose()
    {
        _stopped = true;
        _reader.Join();
        foreach (var queue in _queues)
        {
            queue.Dispose();
        }
    }

    private sealed class Once(PartitionFeed feed, int index) : IEnumerable<Row>
    {
        private int _walked;

        public IEnumerator<Row> GetEnumerator() =>
            Interlocked.Exchange(ref _walked, 1) == 0
                ? feed.Drain(index).GetEnumerator()
                : throw new InvalidOperationException($"the rows of partition {index} can be read once; call .ToList() on them first to go over them again");

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
