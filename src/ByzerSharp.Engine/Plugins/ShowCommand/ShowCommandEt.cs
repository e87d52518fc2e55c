using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.Plugins.ShowCommand;

/// <summary><c>!show …</c>: lists what the session knows (tables, functions, ETs, commands, data sources, version).</summary>
public sealed class ShowCommandEt : EtPlugin
{
    public override string Name => "ShowCommand";

    public override string Description => "Lists the session's tables, functions, ETs (or one ET's options), commands, data sources, or the version.";

    public override IReadOnlyList<EtOption> Options =>
    [
        new("parameters", "JSON array: [\"tables\"], [\"functions\"], [\"et\"], [\"et/Name\"], [\"commands\"], [\"datasources\"] or [\"version\"]", Required: true),
    ];

    public override TableEntry? Run(EtContext context)
    {
        var options = ShowCommandOptions.Parse(context.Args, i => context.ArgSpan(i));
        var session = context.Session;
        return options.Topic switch
        {
            "tables" => context.DefineRows(
                [new RowColumn("name"), new RowColumn("kind"), new RowColumn("origin")],
                session.Catalog.Tables.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(t => (IReadOnlyList<object?>)[t.Name, t.Kind.ToString().ToLowerInvariant(), t.Origin])),
            "functions" => context.DefineRows(
                [new RowColumn("name"), new RowColumn("returnType"), new RowColumn("origin")],
                session.Functions.Values.Select(f => (IReadOnlyList<object?>)[f.Name, f.ReturnType.ToString(), f.Origin])),
            "et" when options.EtName is { } name => EtOptions(context, name, options),
            "et" => context.DefineRows(
                [new RowColumn("name"), new RowColumn("description")],
                session.Ets.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => (IReadOnlyList<object?>)[e.Name, e.Description])),
            "commands" => context.DefineRows(
                [new RowColumn("name"), new RowColumn("et"), new RowColumn("description")],
                session.Commands.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (IReadOnlyList<object?>)["!" + c.Name, c.EtName, c.Description])),
            "datasources" => context.DefineRows(
                [new RowColumn("name"), new RowColumn("load", "BOOLEAN"), new RowColumn("save", "BOOLEAN")],
                session.DataSources.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).Select(d => (IReadOnlyList<object?>)[d.Name, d.CanLoad, d.CanSave])),
            _ => context.DefineRows(
                [new RowColumn("version"), new RowColumn("engine")],
                [[Version(), "DuckDB " + session.Database.Scalar("SELECT version()")]]),
        };
    }

    public override TableEntry? Train(EtContext context) => Run(context);

    private static TableEntry EtOptions(EtContext context, string name, ShowCommandOptions options)
    {
        var et = context.Session.FindEt(name);
        if (et is null)
        {
            var names = context.Session.Ets.Select(e => e.Name).ToList();
            var suggestion = Syntax.Parsing.Suggest.Closest(name, names);
            throw ByzerException.Semantic(
                $"{name} is not found",
                options.EtSpan,
                suggestion is not null ? $"did you mean '{suggestion}'?" : "known ETs: " + string.Join(", ", names.Order(StringComparer.Ordinal)));
        }
        return context.DefineRows(
            [new RowColumn("param"), new RowColumn("required", "BOOLEAN"), new RowColumn("default"), new RowColumn("description")],
            et.Options.Select(o => (IReadOnlyList<object?>)[o.Name, o.Required, o.Default, o.Description]));
    }

    private static string Version()
    {
        var assembly = typeof(ShowCommandEt).Assembly;
        var informational = (Attribute.GetCustomAttribute(assembly, typeof(System.Reflection.AssemblyInformationalVersionAttribute))
            as System.Reflection.AssemblyInformationalVersionAttribute)?.InformationalVersion;
        // The informational version may carry "+<commit>"; the release number is what users compare.
        return (informational ?? assembly.GetName().Version?.ToString() ?? "0").Split('+')[0];
    }
}
