namespace ByzerSharp.Cli.Commands;

/// <summary>
/// Statements entered in the REPL, one per line in a history file that persists across sessions:
/// $BYZER_HISTORY when set (empty disables persistence, which tests and CI use), else ~/.byzer_history.
/// </summary>
internal sealed class ReplHistory
{
    public const string EnvironmentVariable = "BYZER_HISTORY";

    private const int MaxLoaded = 1000;
    private readonly string? _file;
    private readonly List<string> _entries = [];

    private ReplHistory(string? file)
    {
        _file = file;
        if (file is null || !File.Exists(file))
        {
            return;
        }
        try
        {
            _entries.AddRange(File.ReadLines(file).Where(l => l.Length > 0).TakeLast(MaxLoaded));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // History is a convenience; an unreadable file must not stop the REPL.
        }
    }

    public IReadOnlyList<string> Entries => _entries;

    public static ReplHistory Open(Func<string, string?> environment)
    {
        var configured = environment(EnvironmentVariable);
        if (configured is not null)
        {
            return new ReplHistory(configured.Length == 0 ? null : Path.GetFullPath(configured));
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new ReplHistory(string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".byzer_history"));
    }

    public void Add(string statement)
    {
        // One entry per line: a multi-line statement is kept on one line (it is shown, never re-run).
        var entry = string.Join(' ', statement.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        _entries.Add(entry);
        if (_file is null)
        {
            return;
        }
        try
        {
            File.AppendAllText(_file, entry + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only home must not break the REPL.
        }
    }
}
