using Purrr.LoadTest;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Performance;

/// <summary>
/// perf.sh opens its 20,000 idle tabs over HTTP/2 without TLS, many circuits to a connection (one socket each would pass
/// this machine's 20,000 open files per process): the load client must still start circuits, click and see renders there.
/// </summary>
public sealed class LoadClientHttp2Tests(PurrrHttp2Server server) : IClassFixture<PurrrHttp2Server>
{
    [Fact]
    public async Task The_server_under_test_speaks_only_http2_so_what_works_here_went_over_http2()
    {
        using var http1 = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => http1.GetStringAsync(server.BaseUrl));
    }

    [Fact]
    public async Task Twenty_idle_tabs_open_their_circuits_over_shared_http2_connections()
    {
        var options = new LoadOptions(new Uri(server.BaseUrl), Circuits: 20, Duration: TimeSpan.FromSeconds(1), Ramp: 10, Http2: true);

        var result = await new LoadRun(options, TextWriter.Null).RunAsync("idle");

        Assert.Equal(20, result.Opened);
        Assert.Empty(result.Errors);
        Assert.Equal("HTTP/2", result.Transport);
        Assert.Equal(20, result.Loaded?.OpenCircuits);
    }

    [Fact]
    public async Task Signed_in_players_click_their_cats_care_menus_over_http2()
    {
        var options = new LoadOptions(new Uri(server.BaseUrl), Circuits: 4, Duration: TimeSpan.FromSeconds(2), RatePerCircuit: 2, Ramp: 4,
            Players: ["milo", "nova"], Http2: true);

        var result = await new LoadRun(options, TextWriter.Null).RunAsync("care");

        Assert.Equal(4, result.Opened);
        Assert.Empty(result.Errors);
        Assert.True(result.RoundTrip?.Count >= 4, $"every circuit clicked at least once ({result.RoundTrip?.Count ?? 0} clicks)");
    }
}
