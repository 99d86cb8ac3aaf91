using System.CommandLine;
using System.CommandLine.Invocation;
using Purrr.Cli.Commands;
using Purrr.Cli.Output;

namespace Purrr.Cli;

/// <summary>Exit codes: scripts tell a refused request from a mistyped command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The server refused or failed (its ProblemDetails title is shown), or could not be reached.</summary>
    public const int ApiError = 1;

    /// <summary>The command line was wrong (unknown command, missing or invalid argument), or there is no login yet.</summary>
    public const int Usage = 2;
}

/// <summary>The <c>purrr</c> command line: parses, runs one command against the API, and returns its exit code.</summary>
public static class CliApp
{
    /// <summary>Prints the API's data as JSON instead of a table; accepted by every command.</summary>
    public static readonly Option<bool> JsonOption = new("--json") { Description = "Print the API's data as JSON (for scripts)", Recursive = true };

    public static RootCommand Build(CliEnvironment environment)
    {
        var root = new RootCommand("purrr — your cats, night watch and lost pets from the command line (Purrr API v1).")
        {
            JsonOption,
            LoginCommand.Create(environment),
        };
        foreach (var command in CatCommands.Create(environment))
            root.Add(command);
        root.Add(NightWatchCommands.Create(environment));
        root.Add(LostPetCommands.Create(environment));
        root.Add(NftCommands.Create(environment));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken ct = default)
    {
        var parsed = Build(environment).Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            var command = string.Join(' ', parsed.CommandResult.Command.Parents.OfType<Command>().Reverse().Select(c => c.Name)
                .Append(parsed.CommandResult.Command.Name).Where(name => name != parsed.RootCommandResult.Command.Name).Prepend("purrr"));
            new CliConsole(environment.Output, environment.Error, environment.Color)
                .Usage(parsed.Errors.Select(e => e.Message), $"Run '{command} --help' to see how to use it.");
            return ExitCodes.Usage;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = environment.Output, Error = environment.Error }, ct);
    }
}
