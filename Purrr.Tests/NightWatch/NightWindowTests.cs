using Purrr.Core.Common;
using Purrr.Core.NightWatch;

namespace Purrr.Tests.NightWatch;

[Trait("Category", "Unit")]
public sealed class NightWindowTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo Sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(19, 59, false)] // 20:59 in Paris (UTC+1 in November)
    [InlineData(20, 0, true)]   // 21:00
    [InlineData(23, 30, true)]  // 00:30, past midnight
    [InlineData(4, 59, true)]   // 05:59
    [InlineData(5, 0, false)]   // 06:00: dawn
    [InlineData(11, 0, false)]
    public void Night_runs_from_21_to_6_across_midnight(int utcHour, int minute, bool night) =>
        Assert.Equal(night, NightWindow.Default.IsNight(Paris, Utc(11, 24, utcHour, minute)));

    [Fact]
    public void The_same_moment_is_night_for_some_players_and_day_for_others()
    {
        var noonUtc = Utc(11, 24, 12);

        Assert.True(NightWindow.Default.IsNight(Tokyo, noonUtc));     // 21:00
        Assert.True(NightWindow.Default.IsNight(Sydney, noonUtc));    // 23:00 (summer time)
        Assert.False(NightWindow.Default.IsNight(Paris, noonUtc));    // 13:00
        Assert.False(NightWindow.Default.IsNight(NewYork, noonUtc));  // 07:00
    }

    [Fact]
    public void By_day_the_next_night_and_its_dawn_are_tonight_and_tomorrow_morning_local_time()
    {
        var afternoon = Utc(11, 24, 14); // 15:00 in Paris

        Assert.Equal(Utc(11, 24, 20), NightWindow.Default.NextStart(Paris, afternoon));
        Assert.Equal(Utc(11, 25, 5), NightWindow.Default.Dawn(Paris, afternoon));
        Assert.Equal("6 h 0 min", Durations.Countdown(Utc(11, 24, 20) - afternoon));
    }

    [Fact]
    public void After_midnight_the_night_started_yesterday_and_dawn_is_this_morning()
    {
        var small = Utc(11, 25, 1); // 02:00 in Paris

        Assert.Equal(Utc(11, 24, 20), NightWindow.Default.NextStart(Paris, small));
        Assert.Equal(Utc(11, 25, 5), NightWindow.Default.Dawn(Paris, small));
    }

    [Fact]
    public void The_night_the_clocks_go_back_lasts_ten_hours()
    {
        // Paris leaves summer time at 03:00 on 25 October 2026: 21:00 is UTC+2, 06:00 is UTC+1.
        var evening = Utc(10, 24, 19, 30);

        var start = NightWindow.Default.NextStart(Paris, evening);
        var dawn = NightWindow.Default.Dawn(Paris, evening);

        Assert.Equal(Utc(10, 24, 19), start);
        Assert.Equal(Utc(10, 25, 5), dawn);
        Assert.Equal(TimeSpan.FromHours(10), dawn - start);
        Assert.True(NightWindow.Default.IsNight(Paris, Utc(10, 25, 0, 30))); // 02:30, the hour that happens twice
    }

    [Fact]
    public void The_night_the_clocks_go_forward_lasts_eight_hours()
    {
        // New York starts summer time at 02:00 on 8 March 2026: 21:00 is UTC−5, 06:00 is UTC−4.
        var start = NightWindow.Default.NextStart(NewYork, Utc(3, 7, 18));
        var dawn = NightWindow.Default.Dawn(NewYork, Utc(3, 7, 18));

        Assert.Equal(Utc(3, 8, 2), start);
        Assert.Equal(Utc(3, 8, 10), dawn);
        Assert.Equal(TimeSpan.FromHours(8), dawn - start);
    }

    [Fact]
    public void A_start_hour_the_clocks_skip_begins_at_the_first_minute_that_exists()
    {
        // 02:00 does not exist in Paris on 29 March 2026: a 02:00–05:00 window starts at 03:00 summer time.
        var window = new NightWindow(StartHour: 2, EndHour: 5);

        Assert.Equal(Utc(3, 29, 1), window.NextStart(Paris, Utc(3, 28, 22)));
    }

    [Theory]
    [InlineData(22, 5, 21, false)]
    [InlineData(22, 5, 22, true)]
    [InlineData(22, 5, 4, true)]
    [InlineData(1, 4, 0, false)] // a window that does not cross midnight
    [InlineData(1, 4, 2, true)]
    [InlineData(1, 4, 4, false)]
    public void The_window_is_configurable(int start, int end, int localHour, bool night) =>
        Assert.Equal(night, new NightWindow(start, end).IsNight(TimeZoneInfo.Utc, Utc(11, 24, localHour)));
}
