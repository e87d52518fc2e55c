using System.Diagnostics;
using ByzerSharp.Session;

namespace ByzerSharp.Cli.Output;

/// <summary>
/// Progress on stderr for a terminal: a single self-updating line per operation, shown only
/// when the operation takes longer than a moment. Stays silent when stderr is redirected.
/// </summary>
public sealed class ConsoleProgressSink : IProgressSink
{
    private readonly bool _enabled;

    public ConsoleProgressSink(bool enabled) => _enabled = enabled;

    public IProgressTask Start(string description, long? total = null) =>
        _enabled ? new Task(description, total) : NullProgressSink.Instance.Start(description, total);

    private sealed class Task(string description, long? total) : IProgressTask
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _done;
        private long _lastDraw;
        private bool _drawn;

        public void Advance(long amount = 1)
        {
            var done = Interlocked.Add(ref _done, amount);
            var now = _clock.ElapsedMilliseconds;
            if (now < 500 || now - Interlocked.Read(ref _lastDraw) < 100)
            {
                return;
            }
            Interlocked.Exchange(ref _lastDraw, now);
            Draw(done);
        }

        private void Draw(long done)
        {
            _drawn = true;
            var text = total is { } t && t > 0
                ? $"{description}: {done}/{t} ({100.0 * done / t:0}%)"
                : $"{description}: {done}";
            Console.Error.Write("\r\u001b[2K" + text);
        }

        public void Dispose()
        {
            if (_drawn)
            {
                Console.Error.Write("\r\u001b[2K");
            }
        }
    }
}
