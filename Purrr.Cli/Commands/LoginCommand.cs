using System.CommandLine;
using System.Text;
using Purrr.Cli.Output;

namespace Purrr.Cli.Commands;

/// <summary><c>purrr login</c>: checks a key against /api/v1/me and saves the server and key for the other commands.</summary>
public static class LoginCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var url = new Option<string>("--url") { Description = "The Purrr server, e.g. https://purrr.example (asked when left out)" };
        var key = new Option<string>("--key") { Description = "An API key (pk_…) made under Settings → API keys (asked when left out)" };
        var command = new Command("login", "Check an API key against the server and save both in ~/.purrr/config.json (readable by you only)") { url, key };
        return command.Runs(environment, async run =>
        {
            var server = run.Value(url) ?? Ask(run, "Server URL: ", secret: false);
            var apiKey = run.Value(key) ?? Ask(run, "API key: ", secret: true);
            if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
                throw new UsageException($"'{server}' is not a server address.", "Give the address you open Purrr at, e.g. https://purrr.example.");
            if (string.IsNullOrWhiteSpace(apiKey))
                throw new UsageException("Give an API key.", "Make one under Settings → API keys; it starts with pk_.");

            var config = new CliConfig(server.Trim(), apiKey.Trim());
            var me = await new PurrrApi(environment.Connect(config)).GetAsync("me", run.Cancellation).ConfigureAwait(false);
            config.Save(environment.ConfigDirectory);
            return run.Show(me, (console, data) =>
            {
                console.Success($"Logged in to {config.ServerUrl} as {data.Text("displayName")} (@{data.Text("userName")}).");
                console.Line($"Key scopes: {string.Join(", ", data.Items("scopes").Select(s => s.GetString()))}. Saved in {Path.Combine(environment.ConfigDirectory, CliConfig.FileName)}.");
            });
        });
    }

    /// <summary>A prompt on standard error (standard output stays for results); a secret is not echoed on a terminal.</summary>
    private static string Ask(CommandRun run, string prompt, bool secret)
    {
        run.Environment.Error.Write(prompt);
        if (!secret || !run.Environment.InputIsTerminal)
            return run.Environment.Input.ReadLine() ?? "";
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
                typed.Length--;
            else if (!char.IsControl(key.KeyChar))
                typed.Append(key.KeyChar);
        }
        run.Environment.Error.WriteLine();
        return typed.ToString();
    }
}
