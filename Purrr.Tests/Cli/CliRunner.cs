using System.Text.Json.Nodes;
using Purrr.Cli;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Cli;

/// <summary>
/// Runs the real <c>purrr</c> command line (parse and invoke) with captured output, a config folder of its own and
/// HTTP over <paramref name="handler"/>: the in-process app's server, or a stub.
/// </summary>
public sealed class CliRunner(HttpMessageHandler handler, TimeProvider? clock = null) : IDisposable
{
    private readonly TempFolder config = new("purrr-cli-");

    public string ConfigDirectory => config.Path;

    public string ConfigFile => Path.Combine(config.Path, CliConfig.FileName);

    /// <summary>What the user types at prompts, one answer a line.</summary>
    public string Typed { get; set; } = "";

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, new StringReader(Typed), config.Path,
            settings => CliEnvironment.ClientFor(settings, handler), clock ?? TimeProvider.System);
        var code = await CliApp.RunAsync(args, environment);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Logs in as the owner of <paramref name="key"/> and checks it worked.</summary>
    public async Task LoginAsync(string key)
    {
        var login = await RunAsync("login", "--url", "http://localhost", "--key", key);
        Assert.True(login.ExitCode == ExitCodes.Ok, login.ToString());
    }

    public void Dispose() => config.Dispose();
}

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>The output as JSON (after <c>--json</c>), checking the command succeeded.</summary>
    public JsonNode Json()
    {
        Assert.True(ExitCode == ExitCodes.Ok, ToString());
        Assert.Equal("", Error);
        return JsonNode.Parse(Output)!;
    }

    /// <summary>The output's lines, split into their columns (two or more spaces apart).</summary>
    public IReadOnlyList<string[]> Rows() =>
        [.. Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => System.Text.RegularExpressions.Regex.Split(line.TrimEnd('\r').Trim(), " {2,}"))];

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}
