using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.LostPets;
using Purrr.Core.Notifications;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.LostPets;

public class LostPetServiceTests : ServiceTestBase
{
    private static readonly GeoPoint Paris = new(48.8566, 2.3522);

    private LostPetService LostPets => new(Database.Factory, Clock, Bus);

    private async Task<UserId> NeighbourAsync(string name, GeoPoint? home, bool alerts)
    {
        var player = await NewPlayerAsync(name);
        if (home is { } at)
            Assert.True((await NightWatch.SetHomeAsync(player, at.Latitude, at.Longitude)).Succeeded);
        await LostPets.SetAlertsAsync(player, alerts);
        return player;
    }

    private static LostPetReport At(GeoPoint where, string name = "Mochi", DateTimeOffset? lastSeen = null) =>
        LostPetRulesTests.AReport(r => r with { Name = name, Latitude = where.Latitude, Longitude = where.Longitude, LastSeenAt = lastSeen ?? TestClock.Noon.AddHours(-3) });

    [Fact]
    public async Task A_new_report_alerts_exactly_the_opted_in_neighbours_inside_ten_km()
    {
        var owner = await NeighbourAsync("owner", Paris, alerts: true);
        var near = await NeighbourAsync("near", Paris.Offset(4_000, 90), alerts: true);
        var edge = await NeighbourAsync("edge", Paris.Offset(9_900, 180), alerts: true);
        await NeighbourAsync("far", Paris.Offset(10_200, 0), alerts: true);
        await NeighbourAsync("quiet", Paris.Offset(1_000, 0), alerts: false);
        await NeighbourAsync("homeless", null, alerts: true);

        var reported = await LostPets.ReportAsync(owner, At(Paris));

        Assert.Equal(2, reported.Value.NeighboursAlerted);
        await using var db = Database.NewContext();
        var alerted = await db.Notifications.Where(n => n.Type == NotificationType.LostPetNearby).Select(n => n.RecipientId).ToListAsync();
        Assert.Equal(new[] { near, edge }.OrderBy(id => id.Value), alerted.OrderBy(id => id.Value));
        Assert.Equal(2, Bus.Published.OfType<NotificationAdded>().Count());
    }

    [Fact]
    public async Task A_bad_report_stores_nothing_and_alerts_nobody()
    {
        var owner = await NeighbourAsync("owner", Paris, alerts: false);
        await NeighbourAsync("near", Paris.Offset(100, 0), alerts: true);

        var refused = await LostPets.ReportAsync(owner, At(Paris) with { ContactEmail = "", LastSeenAt = TestClock.Noon.AddDays(1) });

        Assert.Equal(["LastSeenAt", "ContactEmail"], refused.Problems.Select(p => p.Field));
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.LostPets.CountAsync());
        Assert.Equal(0, await db.Notifications.CountAsync());
    }

    [Fact]
    public async Task Search_returns_pets_inside_the_radius_nearest_first_then_most_recent()
    {
        var owner = await NewPlayerAsync("owner");
        await LostPets.ReportAsync(owner, At(Paris.Offset(3_000, 0), "Three km"));
        await LostPets.ReportAsync(owner, At(Paris.Offset(1_000, 90), "One km, older", TestClock.Noon.AddDays(-3)));
        await LostPets.ReportAsync(owner, At(Paris.Offset(1_000, 270), "One km, newer", TestClock.Noon.AddDays(-1)));
        await LostPets.ReportAsync(owner, At(Paris.Offset(12_000, 0), "Twelve km"));

        var page = (await LostPets.SearchAsync(new LostPetQuery(Paris))).Value;

        Assert.Equal(["One km, newer", "One km, older", "Three km"], page.Results.Select(r => r.Name));
        Assert.Equal([1, 3], page.Results.Take(2).Select(r => r.DaysMissing));
        Assert.InRange(page.Results[2].DistanceMeters, 2_990, 3_010);
    }

    [Fact]
    public async Task Search_filters_by_type_breed_or_colour_and_date()
    {
        var owner = await NewPlayerAsync("owner");
        await LostPets.ReportAsync(owner, At(Paris, "Rex") with { Type = PetType.Dog, Breed = "Beagle", Colour = "Tricolour" });
        await LostPets.ReportAsync(owner, At(Paris, "Mochi") with { Breed = "Ragdoll", Colour = "Cream" });
        await LostPets.ReportAsync(owner, At(Paris, "Old") with { Breed = "Siamese", Colour = "Seal point", LastSeenAt = TestClock.Noon.AddDays(-30) });

        Assert.Equal(["Rex"], (await LostPets.SearchAsync(new LostPetQuery(Paris, Type: PetType.Dog))).Value.Results.Select(r => r.Name));
        Assert.Equal(["Mochi"], (await LostPets.SearchAsync(new LostPetQuery(Paris, Text: "cream"))).Value.Results.Select(r => r.Name));
        Assert.Equal(["Mochi"], (await LostPets.SearchAsync(new LostPetQuery(Paris, Text: "RAG"))).Value.Results.Select(r => r.Name));
        Assert.Empty((await LostPets.SearchAsync(new LostPetQuery(Paris, Text: "%"))).Value.Results);
        Assert.Equal(["Old"], (await LostPets.SearchAsync(new LostPetQuery(Paris, LostTo: TestClock.Noon.AddDays(-7)))).Value.Results.Select(r => r.Name));
    }

    [Fact]
    public async Task Search_results_never_carry_contact_details()
    {
        var owner = await NewPlayerAsync("owner");
        await LostPets.ReportAsync(owner, At(Paris));

        var result = (await LostPets.SearchAsync(new LostPetQuery(Paris))).Value.Results.Single();

        Assert.DoesNotContain(typeof(LostPetSummary).GetProperties(), p => p.Name.Contains("Phone") || p.Name.Contains("Email") || p.Name.Contains("Contact"));
        Assert.Equal("Mochi", result.Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    public async Task A_radius_of_0_or_10000_km_is_refused(double km)
    {
        var refused = await LostPets.SearchAsync(new LostPetQuery(Paris, RadiusKm: km));

        Assert.Equal("Choose a radius between 1 and 100 km.", refused.FirstMessage);
    }

    [Fact]
    public async Task Visitors_see_a_pet_without_its_contact_and_signed_in_players_with_it()
    {
        var owner = await NewPlayerAsync("owner");
        var id = (await LostPets.ReportAsync(owner, At(Paris))).Value.Id;
        var neighbour = await NewPlayerAsync("neighbour");

        Assert.Null((await LostPets.GetAsync(id, viewer: null))!.Contact);
        Assert.Equal(new LostPetContact("+33 6 12 34 56 78", "owner@example.com"), (await LostPets.GetAsync(id, neighbour))!.Contact);
    }

    [Fact]
    public async Task A_sighting_notifies_the_owner_and_shows_its_distance_from_the_last_seen_point()
    {
        var owner = await NewPlayerAsync("owner");
        var id = (await LostPets.ReportAsync(owner, At(Paris))).Value.Id;
        var helper = await NewPlayerAsync("helper");

        var sighting = await LostPets.AddSightingAsync(helper, id, new SightingReport("Near the park", Paris.Offset(800, 45).Latitude, Paris.Offset(800, 45).Longitude,
            TestClock.Noon.AddHours(-1), "Under a car", SightingConfidence.High));

        Assert.True(sighting.Succeeded, sighting.FirstMessage);
        var details = (await LostPets.GetAsync(id, owner))!;
        Assert.InRange(Assert.Single(details.Sightings).MetersFromLastSeen, 790, 810);
        await using var db = Database.NewContext();
        var note = await db.Notifications.SingleAsync(n => n.RecipientId == owner);
        Assert.Equal("helper saw Mochi 800 m from where they were lost (high confidence).", note.Text);
        Assert.Contains(Bus.Published.OfType<LostPetChanged>(), e => e.Pet == id);
    }

    [Fact]
    public async Task Marking_found_thanks_the_helpers_and_stops_new_sightings()
    {
        var owner = await NewPlayerAsync("owner");
        var id = (await LostPets.ReportAsync(owner, At(Paris))).Value.Id;
        var helper = await NewPlayerAsync("helper");
        await LostPets.AddSightingAsync(helper, id, new SightingReport("Park", Paris.Latitude, Paris.Longitude, TestClock.Noon, null, SightingConfidence.Medium));

        Assert.True((await LostPets.CloseAsync(owner, id, LostPetStatus.Found, "Thank you all!")).Succeeded);
        var late = await LostPets.AddSightingAsync(helper, id, new SightingReport("Park", Paris.Latitude, Paris.Longitude, TestClock.Noon, null, SightingConfidence.Low));

        Assert.Equal("Mochi has already been found. Thank you for looking!", late.FirstMessage);
        await using var db = Database.NewContext();
        Assert.Equal("Mochi is home! “Thank you all!”", (await db.Notifications.SingleAsync(n => n.RecipientId == helper)).Text);
        Assert.Equal(1, await db.LostPetSightings.CountAsync());
        Assert.Empty((await LostPets.SearchAsync(new LostPetQuery(Paris))).Value.Results);
    }

    [Fact]
    public async Task Only_the_owner_can_close_a_report()
    {
        var owner = await NewPlayerAsync("owner");
        var id = (await LostPets.ReportAsync(owner, At(Paris))).Value.Id;

        var refused = await LostPets.CloseAsync(await NewPlayerAsync("stranger"), id, LostPetStatus.Found);

        Assert.Equal("Only the owner can close this report.", refused.FirstMessage);
    }

    [Fact]
    public async Task Analytics_count_reports_found_rate_median_days_and_sightings()
    {
        var owner = await NewPlayerAsync("owner");
        var a = (await LostPets.ReportAsync(owner, At(Paris, "A"))).Value.Id;
        var b = (await LostPets.ReportAsync(owner, At(Paris, "B"))).Value.Id;
        await LostPets.ReportAsync(owner, At(Paris, "C"));
        await LostPets.AddSightingAsync(owner, a, new SightingReport(null, Paris.Latitude, Paris.Longitude, TestClock.Noon, null, SightingConfidence.Low));
        Clock.Advance(TimeSpan.FromDays(2));
        await LostPets.CloseAsync(owner, a, LostPetStatus.Found);
        Clock.Advance(TimeSpan.FromDays(2));
        await LostPets.CloseAsync(owner, b, LostPetStatus.Found);

        var analytics = await LostPets.AnalyticsAsync();

        Assert.Equal((3, 2), (analytics.Reports, analytics.Found));
        Assert.Equal(2.0 / 3, analytics.FoundRate, 3);
        Assert.Equal(3, analytics.MedianDaysToFound!.Value, 3);
        Assert.Equal(1.0 / 3, analytics.SightingsPerReport, 3);
        Assert.Equal(3, analytics.ReportsPerWeek.Sum(w => w.Reports));
    }

    [Fact]
    public async Task Photos_must_be_images_the_reporter_uploaded_and_at_most_five()
    {
        var owner = await NewPlayerAsync("owner");

        var unknown = await LostPets.ReportAsync(owner, At(Paris), [Guid.NewGuid()]);
        var six = await LostPets.ReportAsync(owner, At(Paris), [.. Enumerable.Range(0, 6).Select(_ => Guid.NewGuid())]);

        Assert.Equal("A photo could not be found: upload it again.", unknown.FirstMessage);
        Assert.Contains(six.Problems, p => p.Message == "Add at most 5 photos.");
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.LostPets.CountAsync());
    }
}
