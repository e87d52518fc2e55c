using ByzerSharp.Cli;

return CliApp.Run(args, CliHost.FromConsole());
