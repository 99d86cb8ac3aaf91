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

    private static List<string> DailyKeys(TimeZoneInfo zone, DateOnly localDay, TimeOnly localTime)
    {
        var local = localDay.ToDateTime(localTime);
        var at = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return Quests.ActiveAt(Player, zone, at).Where(q => q.Quest.Kind == QuestKind.Daily).Select(q => q.Quest.Key).ToList();
    }

    [Fact]
    public void A_player_gets_three_daily_quests_one_per_slot_the_same_all_local_day_and_new_ones_the_next()
    {
        // In Tonga (UTC+13) one local day spans two UTC dates: 00:00:01 is on the 23rd in UTC, 23:59:59 on the 24th.
        var day = new DateOnly(2026, 11, 24);
        var firstSecond = DailyKeys(Tonga, day, new TimeOnly(0, 0, 1));
        var lastSecond = DailyKeys(Tonga, day, new TimeOnly(23, 59, 59));
        var nextDay = DailyKeys(Tonga, day.AddDays(1), new TimeOnly(0, 0, 1));

        Assert.Equal([1, 2, 3], Quests.DailyFor(Player, day).Select(q => q.DailySlot));
        Assert.Equal(Quests.DailyFor(Player, day).Select(q => q.Key), firstSecond);
        Assert.Equal(firstSecond, lastSecond);
        Assert.NotEqual(firstSecond, nextDay); // true for this player; some players may draw the same quests two days running
    }

    [Fact]
    public void Over_a_fortnight_the_daily_quests_change_every_day_and_each_one_comes_up()
    {
        var start = new DateOnly(2026, 11, 24);
        var days = Enumerable.Range(0, 14).Select(d => Quests.DailyFor(Player, start.AddDays(d))).ToList();

        Assert.All(days, quests => Assert.Equal([1, 2, 3], quests.Select(q => q.DailySlot)));
        var keys = days.Select(quests => string.Join(",", quests.Select(q => q.Key))).ToList();
        Assert.All(keys.Zip(keys.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second)); // 13 days after the first, each new
        Assert.Equal(
            Quests.All.Where(q => q.Kind == QuestKind.Daily).Select(q => q.Key).Order(),
            days.SelectMany(quests => quests).Select(q => q.Key).Distinct().Order());
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
