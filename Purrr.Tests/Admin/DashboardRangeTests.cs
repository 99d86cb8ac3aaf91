using Purrr.Core.Admin;
using Purrr.Core.Persistence;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Admin;

public class DashboardRangeTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(90)]
    public void Seven_thirty_and_ninety_days_are_the_ranges_offered(int days)
    {
        var range = DashboardRange.Of(days, TestClock.Noon);

        Assert.True(range.Succeeded);
        Assert.Equal(TestClock.Noon.AddDays(-days), range.Value.Start);
        Assert.Equal(TestClock.Noon.AddDays(-2 * days), range.Value.PreviousStart);
        Assert.Equal(days, range.Value.ChartDays.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    [InlineData(14)]
    [InlineData(365)]
    public void Any_other_number_of_days_is_refused_with_the_choices(int days)
    {
        var range = DashboardRange.Of(days, TestClock.Noon);

        Assert.False(range.Succeeded);
        Assert.Equal($"Choose a range of 7, 30 or 90 days; {days} days is not one of them.", range.FirstMessage);
    }

    [Fact]
    public void A_range_in_the_address_that_is_no_number_is_refused()
    {
        var range = DashboardRange.Parse("a week", TestClock.Noon);

        Assert.Equal("Choose a range of 7, 30 or 90 days; \"a week\" is not a number of days.", range.FirstMessage);
    }

    [Fact]
    public void No_range_in_the_address_means_seven_days()
    {
        Assert.Equal(7, DashboardRange.Parse(null, TestClock.Noon).Value.Days);
        Assert.Equal(30, DashboardRange.Parse("30", TestClock.Noon).Value.Days);
    }

    [Fact]
    public void The_chart_days_are_utc_days_ending_today()
    {
        var range = DashboardRange.Of(7, TestClock.Noon).Value;

        Assert.Equal(DayNumber.Of(TestClock.Noon), range.ChartDays[^1]);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero), range.ChartStart);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), DayNumber.Start(range.ChartDays[^1]));
    }
}
