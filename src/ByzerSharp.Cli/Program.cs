using System.CommandLine;
using ByzerSharp.Cli;
using ByzerSharp.Cli.Commands;
using ByzerSharp.Cli.Output;

var host = new CliHost(Console.Out, Console.Error);

var file = new Argument<string>("file") { Description = "The Byzer script to run (.byzer)" };
var vars = new Option<string[]>("--var") { Description = "Define a variable before the script runs: --var key=value (repeatable)", Arity = ArgumentArity.ZeroOrMore };
var format = new Option<OutputFormat>("--format") { Description = "How to print the last table", DefaultValueFactory = _ => OutputFormat.Table };
var home = new Option<string?>("--home") { Description = "A home folder prefixed to every relative path (Byzer's defaultPathPrefix)" };
var datalake = new Option<string?>("--datalake") { Description = "The data lake root for delta.`db.table` names" };
var limit = new Option<int?>("--limit") { Description = "Print at most this many rows (default 5000; 0 prints all)" };
var verbose = new Option<bool>("--verbose") { Description = "Show internal details of unexpected errors" };

var run = new Command("run", "Run a script and print its last table") { file, vars, format, home, datalake, limit, verbose };
run.SetAction(r =>
{
    host.Verbose = r.GetValue(verbose);
    return RunCommand.Execute(host, r.GetValue(file)!, r.GetValue(vars) ?? [], r.GetValue(format), r.GetValue(home), r.GetValue(datalake), r.GetValue(limit));
});

var explainFile = new Argument<string>("file") { Description = "The Byzer script to explain" };
var explainVars = new Option<string[]>("--var") { Description = "Define a variable: --var key=value", Arity = ArgumentArity.ZeroOrMore };
var explain = new Command("explain", "Print the plan of a script without running it") { explainFile, explainVars };
explain.SetAction(r => ExplainCommand.Execute(host, r.GetValue(explainFile)!, r.GetValue(explainVars) ?? []));

var replVars = new Option<string[]>("--var") { Description = "Define a variable: --var key=value", Arity = ArgumentArity.ZeroOrMore };
var replHome = new Option<string?>("--home") { Description = "A home folder prefixed to every relative path" };
var replLake = new Option<string?>("--datalake") { Description = "The data lake root for delta.`db.table` names" };
var repl = new Command("repl", "Interactive session: statements end with ';'") { replVars, replHome, replLake };
repl.SetAction(r => ReplCommand.Execute(host, Console.In, r.GetValue(replVars) ?? [], r.GetValue(replHome), r.GetValue(replLake)));

var root = new RootCommand("ByzerSharp: run Byzer-lang scripts on an embedded engine.") { run, explain, repl };
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine("byzer: error: " + error.Message);
    }
    Console.Error.WriteLine("Run 'byzer --help' for usage.");
    return ExitCodes.Usage;
}
return parsed.Invoke();
