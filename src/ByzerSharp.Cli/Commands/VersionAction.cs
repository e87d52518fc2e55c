using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace ByzerSharp.Cli.Commands;

/// <summary><c>byzer --version</c>: the product version of the byzer assembly, without the commit hash.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version
    {
        get
        {
            var informational = typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(VersionAction).Assembly.GetName().Version?.ToString(3)
                ?? "0.0.0";
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus];
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine($"byzer {Version}");
        return ExitCodes.Ok;
    }
}
