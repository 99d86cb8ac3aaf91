using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Presence;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Presence;

[Trait("Category", "Integration")]
public sealed class PresenceTrackerTests : ServiceTestBase
{
    private PresenceTracker NewTracker() => new(Clock, Bus, Database.Factory);

    private IReadOnlyList<PresenceChanged> Announced(UserId player) =>
        [.. Bus.Published.OfType<PresenceChanged>().Where(e => e.Player == player)];

    private async Task<(DateTimeOffset? LastSeenAt, int Version)> StoredAsync(UserId player)
    {
        await using var db = Database.NewContext();
        var row = await db.Players.AsNoTracking().SingleAsync(p => p.Id == player);
        return (row.LastSeenAt, row.Version);
    }

    [Fact]
    public async Task A_player_with_two_tabs_stays_online_when_one_closes()
    {
        var luna = await NewPlayerAsync("luna");
        var presence = NewTracker();

        await presence.ConnectAsync(luna, "tab-1");
        await presence.ConnectAsync(luna, "tab-2");
        await presence.DisconnectAsync(luna, "tab-1");

        Assert.Equal(new PresenceState(PresenceStatus.Online, null), presence.StateOf(luna));
        Assert.Equal([PresenceStatus.Online], Announced(luna).Select(e => e.Status)); // the second tab counts once
        Assert.Null((await StoredAsync(luna)).LastSeenAt);
    }

    [Fact]
    public async Task Closing_the_last_tab_makes_the_player_offline_and_stores_when_they_were_last_seen()
    {
        var luna = await NewPlayerAsync("luna");
        var versionBefore = (await StoredAsync(luna)).Version;
        var presence = NewTracker();
        await presence.ConnectAsync(luna, "tab-1");
        await presence.ConnectAsync(luna, "tab-2");
        Clock.Advance(TimeSpan.FromMinutes(3));

        await presence.DisconnectAsync(luna, "tab-1");
        await presence.DisconnectAsync(luna, "tab-2");

        var leftAt = TestClock.Noon.AddMinutes(3);
        Assert.Equal(new PresenceState(PresenceStatus.Offline, leftAt), await presence.GetAsync(luna));
        Assert.Equal(new PresenceChanged(luna, PresenceStatus.Offline, leftAt), Announced(luna)[^1]);
        Assert.Equal((leftAt, versionBefore), await StoredAsync(luna)); // a purchase racing the save is not refused
        Assert.Empty(presence.OnlineUsers());
    }

    [Fact]
    public async Task A_closed_tab_reported_twice_is_announced_once()
    {
        var luna = await NewPlayerAsync("luna");
        var presence = NewTracker();
        await presence.ConnectAsync(luna, "tab-1");

        await presence.DisconnectAsync(luna, "tab-1"); // the connection went down...
        Clock.Advance(TimeSpan.FromMinutes(3));
        await presence.DisconnectAsync(luna, "tab-1"); // ...and minutes later the circuit closed

        Assert.Equal([PresenceStatus.Online, PresenceStatus.Offline], Announced(luna).Select(e => e.Status));
        Assert.Equal(TestClock.Noon, (await StoredAsync(luna)).LastSeenAt);
    }

    [Fact]
    public async Task Five_minutes_without_input_make_a_player_away_and_any_input_brings_them_back()
    {
        var luna = await NewPlayerAsync("luna");
        var presence = NewTracker();
        await presence.ConnectAsync(luna, "tab-1");

        Clock.Advance(PresenceRules.AwayAfter - TimeSpan.FromSeconds(1));
        presence.Sweep();
        Assert.Equal(PresenceStatus.Online, presence.StateOf(luna).Status);

        Clock.Advance(TimeSpan.FromSeconds(1));
        presence.Sweep();
        Assert.Equal(PresenceStatus.Away, presence.StateOf(luna).Status);

        presence.ReportInput(luna);
        Assert.Equal(PresenceStatus.Online, presence.StateOf(luna).Status);
        Assert.Equal([PresenceStatus.Online, PresenceStatus.Away, PresenceStatus.Online], Announced(luna).Select(e => e.Status));
    }

    [Fact]
    public async Task Input_keeps_a_player_online()
    {
        var luna = await NewPlayerAsync("luna");
        var presence = NewTracker();
        await presence.ConnectAsync(luna, "tab-1");

        for (var i = 0; i < 4; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(4));
            presence.ReportInput(luna);
            presence.Sweep();
        }

        Assert.Equal(PresenceStatus.Online, presence.StateOf(luna).Status);
    }

    [Fact]
    public async Task Busy_is_the_players_choice_and_no_idle_time_turns_it_into_away()
    {
        var luna = await NewPlayerAsync("luna");
        var presence = NewTracker();
        await presence.ConnectAsync(luna, "tab-1");

        presence.SetBusy(luna, true);
        Clock.Advance(TimeSpan.FromMinutes(30));
        presence.Sweep();
        Assert.Equal(PresenceStatus.Busy, presence.StateOf(luna).Status);

        presence.SetBusy(luna, false); // after 30 idle minutes they are away, not online
        Assert.Equal(PresenceStatus.Away, presence.StateOf(luna).Status);
        Assert.Equal([PresenceStatus.Online, PresenceStatus.Busy, PresenceStatus.Away], Announced(luna).Select(e => e.Status));
    }

    [Fact]
    public async Task Busy_survives_a_reload_but_a_busy_player_without_tabs_is_offline()
    {
        var luna = await NewPlayerAsync("luna");
        var presence = NewTracker();
        await presence.ConnectAsync(luna, "tab-1");
        presence.SetBusy(luna, true);

        await presence.DisconnectAsync(luna, "tab-1");
        Assert.Equal(new PresenceState(PresenceStatus.Offline, TestClock.Noon), presence.StateOf(luna));
        Assert.Empty(presence.OnlineUsers());

        await presence.ConnectAsync(luna, "tab-2");
        Assert.Equal(PresenceStatus.Busy, presence.StateOf(luna).Status);
    }

    [Fact]
    public async Task Who_is_online_lists_everyone_with_a_connected_tab_whether_online_away_or_busy()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var nova = await NewPlayerAsync("nova");
        var pixel = await NewPlayerAsync("pixel");
        var presence = NewTracker();
        await presence.ConnectAsync(luna, "l");
        await presence.ConnectAsync(milo, "m");
        presence.SetBusy(milo, true);
        await presence.ConnectAsync(pixel, "p");
        await presence.DisconnectAsync(pixel, "p");
        Clock.Advance(TimeSpan.FromMinutes(6));
        await presence.ConnectAsync(nova, "n");
        presence.Sweep();

        Assert.Equal(PresenceStatus.Away, presence.StateOf(luna).Status);
        Assert.Equal(new HashSet<UserId> { luna, milo, nova }, presence.OnlineUsers().ToHashSet());
    }

    [Fact]
    public async Task An_offline_player_shows_the_last_seen_stored_before_this_app_started_and_a_newcomer_none()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var earlier = NewTracker();
        await earlier.ConnectAsync(luna, "tab-1");
        Clock.Advance(TimeSpan.FromHours(2));
        await earlier.DisconnectAsync(luna, "tab-1");

        var restarted = NewTracker();

        Assert.Equal(PresenceState.Unknown, restarted.StateOf(luna)); // memory only
        Assert.Equal(new PresenceState(PresenceStatus.Offline, TestClock.Noon.AddHours(2)), await restarted.GetAsync(luna));
        Assert.Equal(new PresenceState(PresenceStatus.Offline, null), await restarted.GetAsync(milo));
    }

    [Fact]
    public async Task Input_or_a_closed_tab_from_a_player_without_tabs_changes_nothing()
    {
        var luna = await NewPlayerAsync("luna");
        var presence = NewTracker();

        presence.ReportInput(luna);
        await presence.DisconnectAsync(luna, "never-connected");
        presence.Sweep();

        Assert.Equal(PresenceState.Unknown, presence.StateOf(luna));
        Assert.Empty(Announced(luna));
        Assert.Null((await StoredAsync(luna)).LastSeenAt);
    }

    [Fact]
    public async Task A_dot_following_one_player_hears_only_about_that_player()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var presence = NewTracker();
        var heard = new List<PresenceChanged>();
        using var subscription = Bus.Subscribe<PresenceChanged>(PresenceChanged.TopicOf(luna), e =>
        {
            lock (heard)
                heard.Add(e);
            return Task.CompletedTask;
        });

        await presence.ConnectAsync(milo, "m");
        await presence.ConnectAsync(luna, "l");
        await presence.DisconnectAsync(milo, "m");
        await presence.DisconnectAsync(luna, "l");

        await WaitUntilAsync(() => { lock (heard) return heard.Count == 2; });
        Assert.All(heard, e => Assert.Equal(luna, e.Player));
        Assert.Equal([PresenceStatus.Online, PresenceStatus.Offline], heard.Select(e => e.Status));
    }

    [Fact]
    public async Task Many_tabs_opening_and_closing_at_once_leave_the_player_offline_exactly_once()
    {
        var luna = await NewPlayerAsync("luna");
        var presence = NewTracker();
        var tabs = Enumerable.Range(0, 20).Select(i => $"tab-{i}").ToList();

        await Task.WhenAll(tabs.Select(tab => Task.Run(() => presence.ConnectAsync(luna, tab))));
        await Task.WhenAll(tabs.Select(tab => Task.Run(() => presence.DisconnectAsync(luna, tab))));

        Assert.Equal([PresenceStatus.Online, PresenceStatus.Offline], Announced(luna).Select(e => e.Status));
        Assert.Equal(PresenceStatus.Offline, presence.StateOf(luna).Status);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(10);
        Assert.True(condition(), "The subscriber did not hear the expected events in time.");
    }
}
