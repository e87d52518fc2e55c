using ByzerSharp.Commands;
using ByzerSharp.DataSources;
using ByzerSharp.Plugins;

namespace ByzerSharp;

/// <summary>A package of data sources, ETs and commands (e.g. ByzerSharp.Delta) added to every session.</summary>
public interface IByzerExtension
{
    void Register(ExtensionRegistry registry);
}

/// <summary>What an extension may add.</summary>
public sealed class ExtensionRegistry
{
    internal ExtensionRegistry()
    {
    }

    internal Dictionary<string, IDataSource> DataSources { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Dictionary<string, EtPlugin> Ets { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Dictionary<string, BuiltinCommand> Commands { get; } = new(StringComparer.Ordinal);

    internal List<Action<Session.ByzerSession>> SessionInitializers { get; } = [];

    public void AddDataSource(IDataSource source) => DataSources[source.Name] = source;

    public void AddEt(EtPlugin et) => Ets[et.Name] = et;

    /// <summary>A !name command that runs an ET with the command's arguments.</summary>
    public void AddCommand(BuiltinCommand command) => Commands[command.Name] = command;

    public void OnSessionStart(Action<Session.ByzerSession> initializer) => SessionInitializers.Add(initializer);
}
