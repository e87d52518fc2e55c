namespace ByzerSharp.Session;

/// <summary>
/// Where long operations report progress. The CLI shows a progress bar on a terminal and nothing
/// when output is redirected; the library default discards everything.
/// </summary>
public interface IProgressSink
{
    IProgressTask Start(string description, long? total = null);
}

public interface IProgressTask : IDisposable
{
    void Advance(long amount = 1);
}

public sealed class NullProgressSink : IProgressSink
{
    public static readonly NullProgressSink Instance = new();

    public IProgressTask Start(string description, long? total = null) => NullTask.Instance;

    private sealed class NullTask : IProgressTask
    {
        public static readonly NullTask Instance = new();

        public void Advance(long amount = 1)
        {
        }

        public void Dispose()
        {
        }
    }
}
