namespace Purrr.Cli;

/// <summary>
/// Everything the commands take from outside: the streams, the config folder, whether to colour, the clock and how to
/// reach a server. <see cref="System"/> is the real console; tests pass string writers and the in-process app's client.
/// </summary>
public sealed record CliEnvironment(
    TextWriter Output,
    TextWriter Error,
    TextReader Input,
    string ConfigDirectory,
    Func<CliConfig, HttpClient> Connect,
    TimeProvider Clock,
    bool Color = false,
    bool InputIsTerminal = false)
{
    public static CliEnvironment System() => new(
        Console.Out,
        Console.Error,
        Console.In,
        CliConfig.DefaultDirectory(),
        config => ClientFor(config),
        TimeProvider.System,
        Color: !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        InputIsTerminal: !Console.IsInputRedirected);

    /// <summary>
    /// A client for the saved server, sending the saved key on every request; over <paramref name="handler"/> when given
    /// (tests pass the in-process server's), over the network otherwise.
    /// </summary>
    public static HttpClient ClientFor(CliConfig config, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.BaseAddress = ServerAddress(config.ServerUrl);
        client.Timeout = TimeSpan.FromSeconds(30);
        client.DefaultRequestHeaders.Add(PurrrApi.ApiKeyHeader, config.ApiKey);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("purrr-cli/1.0");
        return client;
    }

    /// <summary>The server's base address with a trailing slash, so "api/v1/…" resolves under it (a server under a path too).</summary>
    public static Uri ServerAddress(string url) => new(url.EndsWith('/') ? url : url + "/");
}
