using Purrr.Core.Common;
using Purrr.Core.Genetics;
using Purrr.Core.NightWatch;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.NightWatch;

[Trait("Category", "Unit")]
public sealed class NeighbourhoodMapTests
{
    private static readonly GeoPoint Home = new(48.853, 2.35);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 22, 0, 0, TimeSpan.Zero);

    private static MapEvent Event(long id, GeoPoint at) => new(id, NightEventKind.Strays, at.Latitude, at.Longitude, Now, $"event {id}", null, false, default);

    private static CatMarker Cat(string name, GeoPoint at) =>
        new(Guid.Empty, CatId.New(), name, "luna", PatrolRole.Scout, at.Latitude, at.Longitude, ACat.DefaultGenome);

    [Fact]
    public void After_a_tick_the_map_keeps_what_happened_nearby_newest_first()
    {
        var map = new NeighbourhoodMap(Home, 3000, true, [], [], [Event(1, Home)]);
        var tick = new NightWatchTicked(Now, [Event(2, Home.Offset(500, 0)), Event(3, Home.Offset(5000, 0)), Event(4, Home.Offset(2900, 90))],
            [Cat("Near", Home.Offset(100, 0)), Cat("Far", Home.Offset(3100, 0))]);

        var (after, news) = map.After(tick);

        Assert.Equal([4L, 2L], news.Select(e => e.Id));
        Assert.Equal([4L, 2L, 1L], after.Events.Select(e => e.Id));
        Assert.Equal(["Near"], after.Cats.Select(c => c.CatName));
    }

    [Fact]
    public void A_map_keeps_its_30_newest_events()
    {
        var map = new NeighbourhoodMap(Home, 3000, true, [], [], [.. Enumerable.Range(1, 30).Reverse().Select(i => Event(i, Home))]);

        var (after, _) = map.After(new NightWatchTicked(Now, [Event(31, Home)], []));

        Assert.Equal(30, after.Events.Count);
        Assert.Equal((31L, 2L), (after.Events[0].Id, after.Events[^1].Id));
    }

    [Fact]
    public void A_zone_change_a_kilometre_beyond_the_neighbourhood_can_still_reach_into_it()
    {
        var map = new NeighbourhoodMap(Home, 3000, true, [], [], []);

        Assert.True(map.IsAffectedBy(new NeighbourhoodChanged(Home.Offset(3900, 0))));
        Assert.False(map.IsAffectedBy(new NeighbourhoodChanged(Home.Offset(4100, 0))));
    }

    [Fact]
    public void A_status_read_by_day_is_outdated_once_night_starts()
    {
        var start = new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.Zero);
        var dawn = start.AddHours(9);
        var day = new NightWatchStatus(TimeZoneInfo.Utc, false, start, dawn, null, null, null, []);
        var night = day with { IsNight = true };

        Assert.False(day.IsOutdatedAt(start.AddMinutes(-1)));
        Assert.True(day.IsOutdatedAt(start));
        Assert.False(night.IsOutdatedAt(dawn.AddMinutes(-1)));
        Assert.True(night.IsOutdatedAt(dawn));
    }
}
