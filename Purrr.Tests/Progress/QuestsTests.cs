using Purrr.Core.Activity;
using Purrr.Core.Common;
using Purrr.Core.Progress;

namespace Purrr.Tests.Progress;

[Trait("Category", "Unit")]
public class QuestsTests
{
    private static readonly UserId Player = new(Guid.Parse("0193b2c4-0000-7000-8000-000000000001"));
    private static readonly TimeZoneInfo Tonga = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Tongatapu"); // UTC+13
    private static readonly TimeZoneInfo PagoPago = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Pago_Pago"); // UTC−11

    private static string DailyPeriod(TimeZoneInfo zone, DateTimeOffset at) =>
        Quests.ActiveAt(Player, zone, at).First(q => q.Quest.Kind == QuestKind.Daily).Period;

    [Fact]
    public void A_player_gets_three_daily_quests_one_per_slot_the_same_all_day()
    {
        var today = new DateOnly(2026, 11, 24);
        var quests = Quests.DailyFor(Player, today);

        Assert.Equal([1, 2, 3], quests.Select(q => q.DailySlot));
        Assert.Equal(quests, Quests.DailyFor(Player, today));
        var week = Enumerable.Range(0, 14).Select(d => string.Join(",", Quests.DailyFor(Player, today.AddDays(d)).Select(q => q.Key))).ToHashSet();
        Assert.True(week.Count > 3, "the daily quests should change from day to day");
    }

    [Fact]
    public void Daily_quests_reset_at_midnight_in_each_players_own_time_zone()
    {
        // 11:00 UTC on 25 November is midnight both in Tonga (26 Nov, UTC+13) and in Pago Pago (25 Nov, UTC−11).
        var justBefore = new DateTimeOffset(2026, 11, 25, 10, 59, 0, TimeSpan.Zero);
        var justAfter = justBefore.AddMinutes(2);

        Assert.Equal("2026-11-25", DailyPeriod(Tonga, justBefore));
        Assert.Equal("2026-11-26", DailyPeriod(Tonga, justAfter));
        Assert.Equal("2026-11-24", DailyPeriod(PagoPago, justBefore));
        Assert.Equal("2026-11-25", DailyPeriod(PagoPago, justAfter));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero), Quests.NextDailyReset(Tonga, justBefore));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero), Quests.NextDailyReset(PagoPago, justBefore));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.Zero), Quests.NextDailyReset(PagoPago, justAfter));
    }

    [Theory]
    [InlineData(2026, 12, 1, Season.Winter, "2026-winter")]
    [InlineData(2027, 2, 28, Season.Winter, "2026-winter")]
    [InlineData(2027, 3, 1, Season.Spring, "2027-spring")]
    [InlineData(2026, 7, 15, Season.Summer, "2026-summer")]
    [InlineData(2026, 11, 24, Season.Autumn, "2026-autumn")]
    public void Seasons_follow_the_calendar_and_a_winter_spans_the_new_year(int year, int month, int day, Season season, string period)
    {
        var date = new DateOnly(year, month, day);
        Assert.Equal(season, Quests.SeasonOf(date));
        Assert.Equal(period, Quests.SeasonPeriod(date));
    }

    [Fact]
    public void Community_quests_run_by_iso_week_and_personality_quests_count_only_matching_cats()
    {
        Assert.Equal("2026-W48", Quests.WeekPeriod(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), Quests.WeekStart(new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero)));

        var playful = Quests.Find("personality_playful")!;
        var playfulPlay = ActivityEvent.Of(Player, Infrastructure.ACat.Playful().Build(), ActivityKind.CatPlayed, DateTimeOffset.UnixEpoch);
        var lazyPlay = ActivityEvent.Of(Player, Infrastructure.ACat.Lazy().Build(), ActivityKind.CatPlayed, DateTimeOffset.UnixEpoch);
        Assert.True(playful.IsMovedBy(playfulPlay));
        Assert.False(playful.IsMovedBy(lazyPlay));
    }
}
