using Purrr.Core.Common;

namespace Purrr.Tests.Accessibility;

/// <summary>The words that stand in for a map's picture in its list view.</summary>
public sealed class MapDirectionsTests
{
    private static readonly GeoPoint Home = new(48.8566, 2.3522);

    [Theory]
    [InlineData(0, "north")]
    [InlineData(45, "north-east")]
    [InlineData(90, "east")]
    [InlineData(135, "south-east")]
    [InlineData(180, "south")]
    [InlineData(225, "south-west")]
    [InlineData(270, "west")]
    [InlineData(315, "north-west")]
    [InlineData(22.4, "north")]
    [InlineData(22.6, "north-east")]
    [InlineData(350, "north")]
    [InlineData(-90, "west")]
    [InlineData(720, "north")]
    public void A_bearing_reads_as_the_nearest_of_eight_compass_points(double bearing, string expected) =>
        Assert.Equal(expected, MapDirections.Compass(bearing));

    [Theory]
    [InlineData(120, 45, "120 m north-east")]
    [InlineData(300, 180, "300 m south")]
    [InlineData(84, 270, "80 m west")]
    [InlineData(1449, 90, "1.4 km east")]
    [InlineData(2000, 315, "2.0 km north-west")]
    public void A_place_is_described_by_its_distance_and_direction_from_the_origin(double meters, double bearing, string expected) =>
        Assert.Equal(expected, MapDirections.Describe(Home, Home.Offset(meters, bearing)));

    [Fact]
    public void A_place_within_a_pins_width_is_here()
    {
        Assert.Equal("here", MapDirections.Describe(Home, Home));
        Assert.Equal("here", MapDirections.Describe(Home, Home.Offset(10, 200)));
        Assert.Equal("20 m south", MapDirections.Describe(Home, Home.Offset(20, 180)));
    }

    [Fact]
    public void A_place_is_told_relative_to_the_players_home_or_the_maps_centre()
    {
        Assert.Equal("300 m south of your home", MapDirections.Describe(Home, Home.Offset(300, 180), MapDirections.Origin(hasHome: true)));
        Assert.Equal("at your home", MapDirections.Describe(Home, Home.Offset(5, 0), MapDirections.Origin(hasHome: true)));
        Assert.Equal("1.2 km west of the map's centre", MapDirections.Describe(Home, Home.Offset(1200, 270), MapDirections.Origin(hasHome: false)));
    }

    [Fact]
    public void The_bearing_points_from_the_origin_towards_the_place()
    {
        Assert.Equal(90, MapDirections.Bearing(Home, Home.Offset(500, 90)), 0);
        Assert.Equal(180, MapDirections.Bearing(Home, Home.Offset(500, 180)), 0);
        Assert.Equal(350, MapDirections.Bearing(Home.Offset(500, 170), Home), 0); // back north-by-west: 350, never −10
    }

    [Fact]
    public void A_list_reads_the_map_outwards_from_home_with_ties_by_name()
    {
        var places = new[] { ("Far", Home.Offset(900, 0)), ("Bravo", Home.Offset(100, 90)), ("alpha", Home.Offset(100, 270)), ("Near", Home.Offset(30, 0)) };
        var listed = MapDirections.Nearest(places, Home, p => p.Item2, p => p.Item1).Select(p => p.Item1);
        Assert.Equal(["Near", "alpha", "Bravo", "Far"], listed);
    }
}
