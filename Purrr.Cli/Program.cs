using Purrr.Cli;

return await CliApp.RunAsync(args, CliEnvironment.System());
