namespace ByzerSharp.Session;

public sealed partial class ByzerSession
{
    /// <summary>The result of the most recent !command that produced one (what !lastCommand names).</summary>
    public TableEntry? LastCommandTable { get; internal set; }
}
