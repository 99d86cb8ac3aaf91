using Microsoft.Extensions.Time.Testing;

namespace Purrr.Tests.Infrastructure;

public static class TestClock
{
    /// <summary>A fixed, known instant: Tuesday 24 November 2026, 12:00 UTC.</summary>
    public static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider AtNoon() => new(Noon);
}
