using Purrr.Core.Common;
using Purrr.Core.NightWatch;

namespace Purrr.Tests.NightWatch;

[Trait("Category", "Unit")]
public sealed class ZoneIndexTests
{
    private static readonly GeoPoint NotreDame = new(48.8530, 2.3499);

    private static ZoneFootprint Zone(GeoPoint center, int radius, ZoneType type = ZoneType.MotionSensor) => new(center, radius, type, default);

    [Fact]
    public void A_point_is_covered_by_the_zones_whose_circle_contains_it()
    {
        var index = new ZoneIndex([Zone(NotreDame, 100), Zone(NotreDame.Offset(500, 0), 100)]);

        Assert.Single(index.Covering(NotreDame.Offset(99, 45)));
        Assert.Empty(index.Covering(NotreDame.Offset(250, 0)));
        Assert.Single(index.Covering(NotreDame.Offset(450, 0)));
    }

    [Theory]
    [InlineData(48.853, 2.35)]
    [InlineData(69.65, 18.95)]  // Tromsø: a degree of longitude is short up north
    [InlineData(-33.87, 151.21)]
    public void A_1000_m_zone_reaches_across_grid_cells_in_every_direction(double latitude, double longitude)
    {
        var center = new GeoPoint(latitude, longitude);
        var index = new ZoneIndex([Zone(center, 1000, ZoneType.CommunityAlert)]);

        for (var bearing = 0; bearing < 360; bearing += 15)
        {
            Assert.Single(index.Covering(center.Offset(990, bearing)));
            Assert.Empty(index.Covering(center.Offset(1010, bearing)));
        }
    }

    [Fact]
    public void Protection_is_that_of_the_best_zone_in_range()
    {
        var index = new ZoneIndex([Zone(NotreDame, 200, ZoneType.SafeHaven), Zone(NotreDame, 50, ZoneType.CatCondo)]);

        Assert.Equal(0.8, index.ProtectionAt(NotreDame), 10);
        Assert.Equal(0.3, index.ProtectionAt(NotreDame.Offset(100, 90)), 10);
        Assert.Equal(0, index.ProtectionAt(NotreDame.Offset(300, 90)));
    }

    [Fact]
    public void Distances_are_great_circle_metres()
    {
        var louvre = new GeoPoint(48.8606, 2.3376);

        Assert.InRange(NotreDame.DistanceTo(louvre), 1_200, 1_240); // ≈1.22 km
        Assert.InRange(NotreDame.DistanceTo(NotreDame.Offset(250, 33)), 249.5, 250.5);
    }

    [Theory]
    [InlineData(91, 0)]
    [InlineData(-90.5, 0)]
    [InlineData(0, 181)]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.PositiveInfinity)]
    public void A_point_off_the_map_is_refused(double latitude, double longitude) =>
        Assert.NotNull(GeoPoint.Check(latitude, longitude));
}
