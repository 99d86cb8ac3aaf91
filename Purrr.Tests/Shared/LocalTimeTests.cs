using Bunit;
using Microsoft.AspNetCore.Components;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Shared;

namespace Purrr.Tests.Shared;

[Trait("Category", "Component")]
public sealed class LocalTimeTests
{
    private static readonly DateTimeOffset NoonUtc = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Asia/Tokyo", "24 Nov 21:00")]
    [InlineData("America/New_York", "24 Nov 07:00")]
    [InlineData(null, "24 Nov 12:00")] // a visitor: UTC
    public async Task A_moment_shows_on_the_players_own_clock(string? zoneId, string shown)
    {
        await using var context = ComponentTestContext.Create();
        var zone = zoneId is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        var time = context.Render<CascadingValue<TimeZoneInfo?>>(p => p
            .Add(c => c.Value, zone)
            .AddChildContent<LocalTime>(t => t.Add(c => c.At, NoonUtc)));

        Assert.Equal(shown, time.Find("time").TextContent);
        Assert.Equal("2026-11-24T12:00:00.0000000+00:00", time.Find("time").GetAttribute("datetime"));
    }
}
