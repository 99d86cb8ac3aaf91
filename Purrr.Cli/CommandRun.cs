using System.CommandLine;
using System.Text.Json;
using Purrr.Cli.Output;

namespace Purrr.Cli;

/// <summary>A command line the user got wrong in a way only a run can tell (no login yet, no cat numbered 7): exit code 2.</summary>
public sealed class UsageException(string message, string? hint = null) : Exception(message)
{
    public string? Hint { get; } = hint;
}

/// <summary>One invocation of a command: its parsed values, the console, and the API of the saved login.</summary>
public sealed class CommandRun(ParseResult parsed, CliEnvironment environment, CancellationToken ct)
{
    public ParseResult Parsed => parsed;

    public CliEnvironment Environment => environment;

    public CliConsole Console { get; } = new(environment.Output, environment.Error, environment.Color);

    public CancellationToken Cancellation => ct;

    public bool Json => parsed.GetValue(CliApp.JsonOption);

    public T? Value<T>(Option<T> option) => parsed.GetValue(option);

    public T Value<T>(Argument<T> argument) => parsed.GetValue(argument)!;

    private PurrrApi? api;

    /// <summary>The API of the saved login; without one, a usage error that says how to log in.</summary>
    public PurrrApi Api => api ??= new PurrrApi(environment.Connect(CliConfig.Load(environment.ConfigDirectory)
        ?? throw new UsageException("You are not logged in.", "Run `purrr login --url <server> --key <pk_…>` first (make a key under Settings → API keys).")));

    /// <summary>The data as JSON with --json, otherwise as <paramref name="show"/> draws it.</summary>
    public int Show(JsonElement data, Action<CliConsole, JsonElement> show)
    {
        if (Json)
            Console.Json(data);
        else
            show(Console, data);
        return ExitCodes.Ok;
    }
}

public static class CommandActions
{
    /// <summary>Runs <paramref name="action"/> for this command, turning expected failures into a message and an exit code (no stack trace).</summary>
    public static TCommand Runs<TCommand>(this TCommand command, CliEnvironment environment, Func<CommandRun, Task<int>> action) where TCommand : Command
    {
        command.SetAction(async (parsed, ct) =>
        {
            var run = new CommandRun(parsed, environment, ct);
            try
            {
                return await action(run);
            }
            catch (UsageException usage)
            {
                run.Console.Fail(usage.Message, usage.Hint);
                return ExitCodes.Usage;
            }
            catch (ApiException failure)
            {
                run.Console.Fail(failure);
                return ExitCodes.ApiError;
            }
        });
        return command;
    }

    /// <summary>An option or argument holding a point, "latitude,longitude"; a bad one is a parse error (exit code 2).</summary>
    public static LatLng ParsePoint(System.CommandLine.Parsing.ArgumentResult result)
    {
        var (point, problem) = LatLng.Parse(result.Tokens.Count > 0 ? result.Tokens[0].Value : null);
        if (problem is not null)
            result.AddError(problem);
        return point ?? default;
    }
}
