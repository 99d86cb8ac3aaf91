using System.Net;
using System.Text;

namespace Purrr.Tests.Cli;

/// <summary>A server that answers every request with one fixed response, and remembers what it was asked.</summary>
public sealed class StubApi(HttpStatusCode status, string body, string mediaType = "application/json") : HttpMessageHandler
{
    public List<(HttpMethod Method, string Path, string? ApiKey)> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request.Method, request.RequestUri!.PathAndQuery, request.Headers.TryGetValues("X-API-Key", out var keys) ? keys.Single() : null));
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) });
    }

    /// <summary>A runner already logged in to this stub (the config written as `purrr login` would).</summary>
    public CliRunner Runner(string server = "https://purrr.example")
    {
        var runner = new CliRunner(this);
        new Purrr.Cli.CliConfig(server, "pk_stub").Save(runner.ConfigDirectory);
        return runner;
    }
}
