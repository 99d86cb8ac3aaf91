using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Presence;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Shared;

namespace Purrr.Tests.Presence;

[Trait("Category", "Component")]
public sealed class PresenceDotTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = TestClock.AtNoon();
    private TestDatabase database = null!;
    private BunitContext context = null!;
    private UserId luna;

    private PresenceTracker Presence => context.Services.GetRequiredService<PresenceTracker>();

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        luna = await database.AddPlayerAsync("luna");
        context = ComponentTestContext.Create(database, clock: clock);
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await database.DisposeAsync();
    }

    private IRenderedComponent<PresenceDot> RenderDot(UserId player, bool showText = true) =>
        context.Render<PresenceDot>(p => p.Add(d => d.Player, player).Add(d => d.ShowText, showText));

    private static string Name(IRenderedComponent<PresenceDot> dot) => dot.Find("[role=img]").GetAttribute("aria-label")!;

    private static string Colour(IRenderedComponent<PresenceDot> dot) =>
        dot.Find("[role=img]").ClassList.Single(c => c is "online" or "away" or "busy" or "offline");

    [Fact]
    public async Task A_connected_player_has_a_green_dot_named_online()
    {
        await Presence.ConnectAsync(luna, "tab");

        var dot = RenderDot(luna);

        Assert.Equal(("Online", "online"), (Name(dot), Colour(dot)));
        Assert.Equal("Online", dot.Find(".purrr-presence-text").TextContent);
    }

    [Fact]
    public async Task The_dot_turns_yellow_red_and_grey_as_the_player_goes_away_busy_and_leaves()
    {
        await Presence.ConnectAsync(luna, "tab");
        var dot = RenderDot(luna);

        clock.Advance(PresenceRules.AwayAfter);
        Presence.Sweep();
        dot.WaitForAssertion(() => Assert.Equal(("Away", "away"), (Name(dot), Colour(dot))));

        Presence.SetBusy(luna, true);
        dot.WaitForAssertion(() => Assert.Equal(("Busy", "busy"), (Name(dot), Colour(dot))));

        await Presence.DisconnectAsync(luna, "tab");
        dot.WaitForAssertion(() => Assert.Equal(("Last seen just now", "offline"), (Name(dot), Colour(dot))));
        Assert.Equal("Last seen just now", dot.Find(".purrr-presence-text").TextContent);
    }

    [Fact]
    public async Task Last_seen_is_read_from_the_profile_and_stays_fresh_as_minutes_pass()
    {
        await Presence.ConnectAsync(luna, "tab");
        clock.Advance(TimeSpan.FromMinutes(1));
        await Presence.DisconnectAsync(luna, "tab"); // stored on the profile; the tracker forgets offline players
        clock.Advance(TimeSpan.FromMinutes(2));

        var dot = RenderDot(luna);
        Assert.Equal("Last seen 2m ago", Name(dot));

        clock.Advance(TimeSpan.FromMinutes(3));
        dot.WaitForAssertion(() => Assert.Equal("Last seen 5m ago", dot.Find(".purrr-presence-text").TextContent));

        clock.Advance(TimeSpan.FromHours(3));
        dot.WaitForAssertion(() => Assert.Equal("Last seen 3h ago", Name(dot)));
    }

    [Fact]
    public void A_player_never_seen_is_offline_and_without_text_the_dot_only_has_its_name()
    {
        var dot = RenderDot(luna, showText: false);

        Assert.Equal(("Offline", "offline"), (Name(dot), Colour(dot)));
        Assert.Empty(dot.FindAll(".purrr-presence-text"));
        Assert.Equal("Offline", dot.Find("[role=img]").GetAttribute("title")); // a tooltip for sighted mouse users
    }

    [Fact]
    public async Task The_dot_hears_only_its_player_and_lets_go_when_removed()
    {
        var milo = await database.AddPlayerAsync("milo");
        var bus = (InMemoryEventBus)context.Services.GetRequiredService<IEventBus>();
        var dot = RenderDot(luna);
        var renders = dot.RenderCount;

        await Presence.ConnectAsync(milo, "milo-tab");
        await Presence.ConnectAsync(luna, "luna-tab");
        dot.WaitForAssertion(() => Assert.Equal("Online", Name(dot)));

        Assert.Equal(renders + 1, dot.RenderCount); // milo coming online did not touch luna's dot
        Assert.Equal(1, bus.SubscriptionCount);
        await context.DisposeComponentsAsync();
        Assert.Equal(0, bus.SubscriptionCount);
    }

    [Fact]
    public async Task A_dot_given_another_player_follows_that_player()
    {
        var milo = await database.AddPlayerAsync("milo");
        await Presence.ConnectAsync(milo, "milo-tab");
        var dot = RenderDot(luna);

        dot.Render(p => p.Add(d => d.Player, milo));
        Assert.Equal("Online", Name(dot));

        await Presence.DisconnectAsync(milo, "milo-tab");
        dot.WaitForAssertion(() => Assert.Equal("Last seen just now", Name(dot)));
        await Presence.ConnectAsync(luna, "luna-tab"); // the old player no longer moves it
        await Task.Delay(50);
        Assert.Equal("Last seen just now", Name(dot));
    }
}
