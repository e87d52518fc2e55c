using ByzerSharp.Commands;
using ByzerSharp.DuckDb;
using ByzerSharp.Plugins;
using ByzerSharp.Session;

namespace ByzerSharp.Tests.Variables;

/// <summary>A test ET (and !echo command) that returns what it was called with, after substitution.</summary>
internal sealed class EchoExtension : IByzerExtension
{
    public EchoEt Et { get; } = new();

    public void Register(ExtensionRegistry registry)
    {
        registry.AddEt(Et);
        registry.AddCommand(new BuiltinCommand("echo", "Echo", "returns its arguments"));
    }

    internal sealed class EchoEt : EtPlugin
    {
        public override string Name => "Echo";

        public List<(string Path, string Options, string Function)> Registered { get; } = [];

        public override TableEntry? Train(EtContext context) =>
            context.Define(
                $"SELECT {Sql.Str(context.Input.Name)} AS input, {Sql.Str(context.Path)} AS path, "
                + $"{Sql.Str(Describe(context.Options))} AS options, {Sql.Str(context.OutputName)} AS output, "
                + $"{Sql.Str(string.Join("|", context.Args))} AS args");

        public override TableEntry? Predict(EtContext context) => Train(context);

        public override void Register(RegisterContext context) =>
            Registered.Add((context.Path, Describe(context.Options), context.FunctionName));

        private static string Describe(global::ByzerSharp.DataSources.OptionValues options) =>
            string.Join(",", options.ToDictionary().Where(kv => kv.Key != "parameters").OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value));
    }
}
