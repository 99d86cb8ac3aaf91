using Purrr.Core.Admin;

namespace Purrr.Tests.Admin;

public class PeriodChangeTests
{
    [Fact]
    public void A_rise_from_nothing_shows_plus_one_hundred_percent()
    {
        var change = new PeriodChange(Previous: 0, Current: 7);

        Assert.Equal(100, change.Percent);
        Assert.Equal("+100%", change.Text);
    }

    [Fact]
    public void Nothing_then_and_nothing_now_is_no_change()
    {
        var change = new PeriodChange(0, 0);

        Assert.Equal(0, change.Percent);
        Assert.Equal("0%", change.Text);
        Assert.False(change.IsRise || change.IsFall);
    }

    [Theory]
    [InlineData(100, 150, 50, "+50%")]
    [InlineData(200, 50, -75, "\u221275%")]
    [InlineData(40, 40, 0, "0%")]
    [InlineData(3, 4, 33.333333333333336, "+33%")]
    [InlineData(8, 0, -100, "\u2212100%")]
    public void The_change_is_measured_against_the_previous_period(double previous, double current, double percent, string text)
    {
        var change = new PeriodChange(previous, current);

        Assert.Equal(percent, change.Percent, precision: 9);
        Assert.Equal(text, change.Text);
    }

    [Fact]
    public void Half_a_percent_rounds_away_from_zero()
    {
        Assert.Equal("+1%", new PeriodChange(200, 201).Text);
        Assert.Equal("\u22121%", new PeriodChange(200, 199).Text);
    }
}
