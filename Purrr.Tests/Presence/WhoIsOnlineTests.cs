using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Presence;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Shared;

namespace Purrr.Tests.Presence;

[Trait("Category", "Component")]
public sealed class WhoIsOnlineTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = TestClock.AtNoon();
    private TestDatabase database = null!;
    private UserId luna, milo, nova, pixel;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        luna = await database.AddPlayerAsync("luna");
        milo = await database.AddPlayerAsync("milo");
        nova = await database.AddPlayerAsync("nova");
        pixel = await database.AddPlayerAsync("pixel");
    }

    public Task DisposeAsync() => database.DisposeAsync().AsTask();

    private BunitContext SignedInAsLuna() => ComponentTestContext.Create(database, (luna, "luna"), clock: clock);

    /// <summary>Each entry of the named list as "username: presence".</summary>
    private static IReadOnlyList<string> Entries(IRenderedComponent<WhoIsOnline> list, string name) =>
        [.. list.FindAll($"ul[aria-label='{name}'] li").Select(Entry)];

    private static string Entry(IElement item) =>
        $"{item.QuerySelector("a")!.TextContent}: {item.QuerySelector("[role=img]")!.GetAttribute("aria-label")}";

    [Fact]
    public async Task Followed_players_who_are_around_come_first_and_move_between_the_lists_live()
    {
        await using var context = SignedInAsLuna();
        var presence = context.Services.GetRequiredService<PresenceTracker>();
        var follows = context.Services.GetRequiredService<FollowService>();
        await follows.FollowAsync(luna, milo);
        await follows.FollowAsync(luna, nova);
        await presence.ConnectAsync(nova, "nova-tab");
        await presence.ConnectAsync(pixel, "pixel-tab"); // online, but luna does not follow pixel

        var list = context.Render<WhoIsOnline>();

        Assert.Equal(["nova: Online"], Entries(list, "Online now"));
        Assert.Equal(["milo: Offline"], Entries(list, "Offline"));

        await presence.ConnectAsync(milo, "milo-tab");
        list.WaitForAssertion(() => Assert.Equal(["milo: Online", "nova: Online"], Entries(list, "Online now")));
        Assert.Empty(Entries(list, "Offline"));

        clock.Advance(TimeSpan.FromMinutes(1));
        await presence.DisconnectAsync(nova, "nova-tab");
        list.WaitForAssertion(() => Assert.Equal(["nova: Last seen just now"], Entries(list, "Offline")));
        Assert.Equal(["milo: Online"], Entries(list, "Online now"));
        Assert.Equal("players/milo", list.Find("ul[aria-label='Online now'] a").GetAttribute("href"));
    }

    [Fact]
    public async Task Following_someone_in_another_tab_adds_them_to_the_list()
    {
        await using var context = SignedInAsLuna();
        var list = context.Render<WhoIsOnline>();
        Assert.Contains("You don't follow anyone yet.", list.Markup);

        await context.Services.GetRequiredService<FollowService>().FollowAsync(luna, pixel);

        list.WaitForAssertion(() => Assert.Equal(["pixel: Offline"], Entries(list, "Offline")));
    }

    [Fact]
    public async Task Everyone_lists_every_player_with_an_open_tab_and_follows_arrivals_and_departures()
    {
        await using var context = SignedInAsLuna();
        var presence = context.Services.GetRequiredService<PresenceTracker>();
        await presence.ConnectAsync(milo, "milo-tab");
        await presence.ConnectAsync(pixel, "pixel-tab");
        presence.SetBusy(pixel, true);

        var list = context.Render<WhoIsOnline>(p => p.Add(w => w.Everyone, true));

        Assert.Equal(["milo: Online", "pixel: Busy"], Entries(list, "Online now"));
        Assert.Contains("2 players online now.", list.Markup);

        await presence.ConnectAsync(nova, "nova-tab");
        await presence.DisconnectAsync(milo, "milo-tab");
        list.WaitForAssertion(() => Assert.Equal(["nova: Online", "pixel: Busy"], Entries(list, "Online now")));
        Assert.Empty(list.FindAll("ul[aria-label='Offline']"));
    }
}
