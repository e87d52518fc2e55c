using ByzerSharp.DataSources;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;

namespace ByzerSharp.Plugins;

/// <summary>One <c>register ET.`path` as fn</c> call.</summary>
public sealed class RegisterContext(ByzerSession session, RegisterStatement statement, string path, OptionValues options, string functionName)
{
    public ByzerSession Session { get; } = session;

    public RegisterStatement Statement { get; } = statement;

    public string Path { get; } = path;

    public OptionValues Options { get; } = options;

    public string FunctionName { get; } = functionName;
}
