using Purrr.Core.Common;
using Purrr.Core.LostPets;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.LostPets;

/// <summary>Search over a big city's worth of reports: the bounding box in SQL and the exact distance in Core agree with brute force.</summary>
[Trait("Category", "Integration")]
public class LostPetSearchScaleTests : ServiceTestBase
{
    [Fact]
    public async Task Search_over_50000_reports_returns_the_right_50_in_distance_order()
    {
        var owner = await NewPlayerAsync("owner");
        var center = new GeoPoint(48.8566, 2.3522);
        var random = new SeededRandomSource(9);
        var pets = new List<LostPet>();
        await using (var db = Database.NewContext())
        {
            for (var i = 0; i < 50_000; i++)
            {
                var where = center.Offset(random.NextDouble() * 60_000, random.NextDouble() * 360);
                pets.Add(LostPet.Create(owner, LostPetRulesTests.AReport(r => r with
                {
                    Name = $"Pet {i}", Latitude = where.Latitude, Longitude = where.Longitude, LastSeenAt = TestClock.Noon.AddMinutes(-random.Next(1, 100_000)),
                }), TestClock.Noon));
            }
            db.LostPets.AddRange(pets);
            await db.SaveChangesAsync();
        }
        var expected = pets.Select(p => (p.Id, Meters: center.DistanceTo(p.LastSeen), p.LastSeenAt))
            .Where(p => p.Meters <= 10_000).OrderBy(p => p.Meters).ThenByDescending(p => p.LastSeenAt).ToList();

        var page = (await new LostPetService(Database.Factory, Clock, Bus).SearchAsync(new LostPetQuery(center))).Value;

        Assert.Equal(expected.Count, page.Total);
        Assert.Equal(expected.Take(50).Select(p => p.Id), page.Results.Select(r => r.Id));
        Assert.True(page.HasMore);
    }
}
