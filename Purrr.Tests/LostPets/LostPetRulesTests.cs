using Purrr.Core.Common;
using Purrr.Core.LostPets;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.LostPets;

public class LostPetRulesTests
{
    private static readonly DateTimeOffset Now = TestClock.Noon;

    public static LostPetReport AReport(Func<LostPetReport, LostPetReport>? change = null)
    {
        var report = new LostPetReport("Mochi", PetType.Cat, "Ragdoll", "Cream", PetSize.Medium, 3, "Very shy", "Blue collar",
            "Rue de Rivoli", 48.8566, 2.3522, Now.AddHours(-5), "+33 6 12 34 56 78", "owner@example.com", false, "€100");
        return change is null ? report : change(report);
    }

    [Theory]
    [InlineData(48.8566, 2.3522, 51.5074, -0.1278, 343_500)]   // Paris – London
    [InlineData(40.7128, -74.0060, 34.0522, -118.2437, 3_936_000)] // New York – Los Angeles
    [InlineData(35.6762, 139.6503, -33.8688, 151.2093, 7_823_000)] // Tokyo – Sydney
    [InlineData(52.5200, 13.4050, 48.1351, 11.5820, 504_000)]   // Berlin – Munich
    public void Haversine_distances_match_known_city_pairs_within_half_a_percent(double lat1, double lng1, double lat2, double lng2, double meters)
    {
        var distance = new GeoPoint(lat1, lng1).DistanceTo(new GeoPoint(lat2, lng2));

        Assert.InRange(distance, meters * 0.995, meters * 1.005);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.2, 1)]
    [InlineData(1, 1)]
    [InlineData(1.01, 2)]
    [InlineData(6.5, 7)]
    public void Days_missing_are_rounded_up(double days, int expected) =>
        Assert.Equal(expected, LostPetRules.DaysMissing(Now.AddDays(-days), Now));

    [Theory]
    [InlineData(500, 100)]
    [InlineData(100, 100)]
    [InlineData(20, 20)]
    [InlineData(0, 50)]
    [InlineData(null, 50)]
    public void Page_sizes_are_clamped(int? asked, int size) => Assert.Equal(size, LostPetRules.ClampPageSize(asked));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.1)]
    [InlineData(10_000)]
    [InlineData(double.NaN)]
    public void Radii_outside_1_to_100_km_are_refused(double km) => Assert.NotNull(LostPetRules.CheckRadius(km));

    [Theory]
    [InlineData(0.5)]
    [InlineData(10)]
    [InlineData(100)]
    public void Radii_up_to_100_km_are_fine(double km) => Assert.Null(LostPetRules.CheckRadius(km));

    [Fact]
    public void The_bounding_box_contains_every_point_of_the_circle()
    {
        var center = new GeoPoint(60, 25);
        var (minLat, maxLat, minLng, maxLng) = LostPetRules.BoundingBox(center, 10_000);
        for (var bearing = 0; bearing < 360; bearing += 15)
        {
            var edge = center.Offset(9_999, bearing);
            Assert.InRange(edge.Latitude, minLat, maxLat);
            Assert.InRange(edge.Longitude, minLng, maxLng);
        }
    }

    [Fact]
    public void Across_the_date_line_the_box_takes_every_longitude() =>
        Assert.Equal((-180d, 180d), LostPetRules.BoundingBox(new GeoPoint(0, 179.99), 10_000) is var box ? (box.MinLongitude, box.MaxLongitude) : default);

    [Fact]
    public void A_complete_report_has_no_problems() => Assert.Empty(LostPetRules.Check(AReport(), Now));

    public static TheoryData<string, Func<LostPetReport, LostPetReport>> BadReports => new()
    {
        { "Name", r => r with { Name = " " } },
        { "Breed", r => r with { Breed = "" } },
        { "Colour", r => r with { Colour = "" } },
        { "LastSeenPlace", r => r with { LastSeenPlace = "" } },
        { "Location", r => r with { Latitude = 91 } },
        { "Location", r => r with { Longitude = 181 } },
        { "LastSeenAt", r => r with { LastSeenAt = Now.AddMinutes(5) } },
        { "ContactPhone", r => r with { ContactPhone = "" } },
        { "ContactPhone", r => r with { ContactPhone = "call me" } },
        { "ContactEmail", r => r with { ContactEmail = "" } },
        { "ContactEmail", r => r with { ContactEmail = "not-an-email" } },
        { "AgeYears", r => r with { AgeYears = 41 } },
        { "Name", r => r with { Name = new string('x', 101) } },
        { "Description", r => r with { Description = new string('x', 2_001) } },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public void Each_required_field_is_checked(string field, Func<LostPetReport, LostPetReport> change)
    {
        var problems = LostPetRules.Check(AReport(change), Now);

        Assert.Equal([field], problems.Select(p => p.Field));
    }

    [Fact]
    public void A_sighting_in_the_future_or_off_the_map_is_refused()
    {
        Assert.Equal(["SeenAt"], LostPetRules.Check(new SightingReport("Park", 48.85, 2.35, Now.AddHours(1), null, SightingConfidence.High), Now).Select(p => p.Field));
        Assert.Equal(["Location"], LostPetRules.Check(new SightingReport("Park", -91, 2.35, Now, null, SightingConfidence.High), Now).Select(p => p.Field));
    }

    [Theory]
    [InlineData(0, "0 m")]
    [InlineData(734, "730 m")]
    [InlineData(999, "1 km")]
    [InlineData(1_000, "1 km")]
    [InlineData(12_345, "12.3 km")]
    public void Distances_read_in_metres_then_kilometres(double meters, string text) =>
        Assert.Equal(text, LostPetRules.Distance(meters));
}
