using Purrr.Core.Common;

namespace Purrr.Tests.Setup;

[Trait("Category", "Unit")]
public sealed class DurationsTests
{
    [Theory]
    [InlineData(86_400, "24 h 0 min")]
    [InlineData(3_600 + 59 * 60 + 1, "2 h 0 min")]
    [InlineData(3_600 + 20 * 60, "1 h 20 min")]
    [InlineData(3_599, "1 h 0 min")]
    [InlineData(59 * 60, "59 min")]
    [InlineData(61, "2 min")]   // rounded up: never "1 min" while more is left
    [InlineData(60, "1 min")]
    [InlineData(59.2, "60 s")]
    [InlineData(0.3, "1 s")]
    public void Time_left_reads_in_hours_minutes_or_seconds(double seconds, string shown) =>
        Assert.Equal(shown, Durations.Countdown(TimeSpan.FromSeconds(seconds)));
}
