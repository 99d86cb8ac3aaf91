using Purrr.LoadTest;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Performance;

/// <summary>
/// Keeps the headless circuit client (Purrr.LoadTest) working as the app changes: it must still start circuits the way
/// blazor.web.js does, find buttons in the rendered tree and see the renders its clicks cause. The large runs are perf.sh's.
/// </summary>
public sealed class LoadClientSmokeTests(PurrrServer server) : IClassFixture<PurrrServer>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Twenty_circuits_each_click_a_button_and_see_the_render()
    {
        var baseUri = new Uri(server.BaseUrl);
        var clients = new List<CircuitClient>();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
            {
                var cookies = new System.Net.CookieContainer();
                var client = new CircuitClient(baseUri, WebSessions.NewHttp(cookies), cookies);
                lock (clients)
                    clients.Add(client);
                await client.StartAsync("", Timeout);
            }));
            // Open or closed depends on the viewport the drawer asked the (absent) browser about: the click flips it.
            var openBefore = clients.ToDictionary(c => c, c => c.HasClass("mud-drawer--open"));

            await Task.WhenAll(clients.Select(c => c.ClickAsync("Toggle navigation", Timeout)));

            Assert.All(clients, c =>
            {
                Assert.Equal(!openBefore[c], c.HasClass("mud-drawer--open"));
                Assert.Equal(openBefore[c], c.HasClass("mud-drawer--closed"));
                Assert.Null(c.Error);
            });
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task Signed_in_players_open_their_cats_care_menus_over_live_circuits()
    {
        var options = new LoadOptions(new Uri(server.BaseUrl), Circuits: 4, Duration: TimeSpan.FromSeconds(2), RatePerCircuit: 2, Ramp: 4, Players: ["milo", "nova"]);

        var result = await new LoadRun(options, TextWriter.Null).RunAsync("care");

        Assert.Equal(4, result.Opened);
        Assert.Equal(0, result.EventErrors);
        Assert.Empty(result.Errors);
        Assert.True(result.RoundTrip?.Count >= 4, $"every circuit clicked at least once ({result.RoundTrip?.Count ?? 0} clicks)");
    }

    [Fact]
    public async Task Room_members_walk_and_chat_and_another_tab_in_the_room_sees_it()
    {
        // Four players bring a cat each into one party room, two visitors watch it.
        var options = new LoadOptions(new Uri(server.BaseUrl), Circuits: 6, Duration: TimeSpan.FromSeconds(3), RatePerCircuit: 2, Ramp: 6, Rooms: 1);

        var result = await new LoadRun(options, TextWriter.Null).RunAsync("rooms");

        Assert.Equal(6, result.Opened);
        Assert.Empty(result.Errors);
        Assert.True(result.Members >= 2, $"at least two cats came in ({result.Members})");
        Assert.True(result.Moves > 0, "a step showed on the walker's floor");
        Assert.True(result.Messages > 0, "a message showed in the sender's chat");
        Assert.Equal(result.Moves + result.Messages, result.FanOut?.Count);
    }
}
