using Purrr.Core.Presence;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Presence;

[Trait("Category", "Unit")]
public sealed class PresenceTextTests
{
    private static readonly DateTimeOffset Now = TestClock.Noon;

    private static string LastSeen(TimeSpan ago, TimeZoneInfo? zone = null) =>
        PresenceText.Describe(new PresenceState(PresenceStatus.Offline, Now - ago), Now, zone);

    [Theory]
    [InlineData(PresenceStatus.Online, "Online")]
    [InlineData(PresenceStatus.Away, "Away")]
    [InlineData(PresenceStatus.Busy, "Busy")]
    public void Players_who_are_around_show_their_status(PresenceStatus status, string text) =>
        Assert.Equal(text, PresenceText.Describe(new PresenceState(status, null), Now));

    [Fact]
    public void A_player_never_seen_is_just_offline() =>
        Assert.Equal("Offline", PresenceText.Describe(PresenceState.Unknown, Now));

    [Theory]
    [InlineData(0, "Last seen just now")]
    [InlineData(59, "Last seen just now")]
    [InlineData(60, "Last seen 1m ago")]
    [InlineData(5 * 60 + 30, "Last seen 5m ago")]
    [InlineData(59 * 60 + 59, "Last seen 59m ago")]
    [InlineData(60 * 60, "Last seen 1h ago")]
    [InlineData(3 * 3600 + 1800, "Last seen 3h ago")]
    [InlineData(24 * 3600 - 1, "Last seen 23h ago")]
    [InlineData(24 * 3600, "Last seen 1d ago")]
    [InlineData(2 * 86400 + 3600, "Last seen 2d ago")]
    [InlineData(7 * 86400 - 1, "Last seen 6d ago")]
    public void Last_seen_says_how_long_ago_in_the_largest_whole_unit(int secondsAgo, string text) =>
        Assert.Equal(text, LastSeen(TimeSpan.FromSeconds(secondsAgo)));

    [Fact]
    public void After_a_week_last_seen_gives_the_date() =>
        Assert.Equal("Last seen 17 Nov 2026", LastSeen(TimeSpan.FromDays(7)));

    [Fact]
    public void The_date_is_the_readers_own() =>
        // 10 Nov 2026 23:00 UTC is already the 11th in Tokyo.
        Assert.Equal("Last seen 11 Nov 2026", LastSeen(Now - new DateTimeOffset(2026, 11, 10, 23, 0, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));

    [Fact]
    public void A_last_seen_a_moment_ahead_of_this_clock_reads_just_now() =>
        Assert.Equal("Last seen just now", LastSeen(TimeSpan.FromSeconds(-3)));

    [Theory]
    [InlineData(0, 60)]          // "just now" until a minute has passed
    [InlineData(5 * 60 + 30, 6 * 60)]
    [InlineData(59 * 60, 3600)]  // then "1h ago"
    [InlineData(3 * 3600 + 5, 4 * 3600)]
    [InlineData(6 * 86400 + 5, 7 * 86400)] // then the date
    public void The_text_next_changes_at_the_next_whole_unit(int secondsAgo, int nextChangeSeconds)
    {
        var seen = Now - TimeSpan.FromSeconds(secondsAgo);
        Assert.Equal(seen + TimeSpan.FromSeconds(nextChangeSeconds), PresenceText.NextChange(new PresenceState(PresenceStatus.Offline, seen), Now));
    }

    [Fact]
    public void Texts_that_never_change_by_themselves_need_no_refresh()
    {
        Assert.Null(PresenceText.NextChange(new PresenceState(PresenceStatus.Online, null), Now));
        Assert.Null(PresenceText.NextChange(PresenceState.Unknown, Now));
        Assert.Null(PresenceText.NextChange(new PresenceState(PresenceStatus.Offline, Now - TimeSpan.FromDays(8)), Now));
    }
}
