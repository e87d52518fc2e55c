namespace ByzerSharp.Commands;

/// <summary>
/// A built-in <c>!name</c>: like Byzer, it runs an ET (<c>run command as Et.`` where
/// parameters='[args]'</c>), so both spellings behave the same.
/// </summary>
public sealed record BuiltinCommand(string Name, string EtName, string Description);
