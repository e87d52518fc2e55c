using ByzerSharp.DataSources.BinaryFile;
using DuckDB.NET.Data;

namespace ByzerSharp.Images;

/// <summary>
/// Reads and decodes files into a flat DuckDB table (<see cref="ImageSchema.FlatDefinition"/>) the
/// way the binaryFile source reads them: one worker per core, each reading, decoding and appending
/// a contiguous slice of the file list through its own connection inside a transaction, the
/// workers committing in slice order so the table keeps the files' order. Decoding dominates, so
/// it must run on every core; the appender alone is cheap.
/// </summary>
internal static class ImageReader
{
    /// <summary>Files a worker handles between two progress reports.</summary>
    private const int ReportEvery = 256;

    public static void Read(DuckDBConnection connection, string table, IReadOnlyList<string> files, bool dropInvalid, Action<int> advance, CancellationToken cancellationToken = default)
    {
        if (files.Count == 0)
        {
            return;
        }
        // Small inputs are not worth a connection per core.
        var workers = Math.Clamp(files.Count / 64, 1, Environment.ProcessorCount);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var committed = Enumerable.Range(0, workers).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var progressGate = new object();
        void Report(int n)
        {
            lock (progressGate)
            {
                advance(n);
            }
        }
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(() =>
        {
            try
            {
                var start = (int)((long)files.Count * w / workers);
                var end = (int)((long)files.Count * (w + 1) / workers);
                using var own = connection.Duplicate();
                own.Open();
                // See BinaryFileReader: the ordered COMMIT, not the appender's own flushes, decides where rows land.
                using var transaction = own.BeginTransaction();
                using (var appender = own.CreateAppender(table))
                {
                    for (var i = start; i < end; i++)
                    {
                        failed.Token.ThrowIfCancellationRequested();
                        var file = BinaryFileReader.ReadOne(files[i], TimeZoneInfo.Utc);
                        var row = ImageDecoder.Decode(file.Path, file.Content);
                        if (row is { } image)
                        {
                            Append(appender, image);
                        }
                        else if (!dropInvalid)
                        {
                            Append(appender, ImageRow.Invalid(file.Path));
                        }
                        if ((i - start + 1) % ReportEvery == 0)
                        {
                            Report(ReportEvery);
                        }
                    }
                }
                if (w > 0)
                {
                    committed[w - 1].Task.Wait(failed.Token);
                }
                // After a failure the transaction rolls back on dispose; the table is never registered.
                transaction.Commit();
                Report((end - start) % ReportEvery);
                committed[w].SetResult();
            }
            catch (Exception e)
            {
                committed[w].TrySetException(e);
                failed.Cancel();
                throw;
            }
        }, CancellationToken.None)).ToArray();
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException e)
        {
            // The first real failure, not the cancellations it caused in the other workers.
            var cause = e.Flatten().InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cause).Throw();
        }
    }

    private static void Append(DuckDBAppender appender, ImageRow row) =>
        appender.CreateRow()
            .AppendValue(row.Origin)
            .AppendValue(row.Height)
            .AppendValue(row.Width)
            .AppendValue(row.NChannels)
            .AppendValue(row.Mode)
            .AppendValue(row.Data)
            .EndRow();
}
