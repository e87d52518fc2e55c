using System.Diagnostics;
using ByzerSharp.Session;

namespace ByzerSharp.Cli.Output;

/// <summary>
/// Progress for a terminal: a single self-updating line per operation on stderr, shown only
/// when the operation takes longer than a moment. Given no writer (stderr redirected) it is silent,
/// so pipes, logs and <c>--format json</c> output never contain control sequences.
/// </summary>
public sealed class ConsoleProgressSink(TextWriter? terminal) : IProgressSink
{
    public bool Enabled => terminal is not null;

    public IProgressTask Start(string description, long? total = null) =>
        terminal is { } t ? new Task(t, description, total) : NullProgressSink.Instance.Start(description, total);

    private sealed class Task(TextWriter terminal, string description, long? total) : IProgressTask
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
            terminal.Write("\r\u001b[2K" + text);
        }

        public void Dispose()
        {
            if (_drawn)
            {
                terminal.Write("\r\u001b[2K");
            }
        }
    }
}
