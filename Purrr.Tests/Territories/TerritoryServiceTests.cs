using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Notifications;
using Purrr.Core.Territories;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Territories;

/// <summary>Claims, challenges, forfeits and decay against a real database, with a fake clock and scripted dice.</summary>
[Trait("Category", "Integration")]
public sealed class TerritoryServiceTests : ServiceTestBase
{
    /// <summary>The default neighbourhood's centre: players without a home see this map.</summary>
    private static readonly GeoPoint Spot = new(48.8530, 2.3499);

    private TerritoryService Territories => new(Database.Factory, Clock, Random, Bus, Options.Create(NightWatchOptions));

    private async Task<(UserId Player, Cat Cat)> OwnerAsync(string name, ACat? cat = null)
    {
        var player = await NewPlayerAsync(name);
        var built = (cat ?? ACat.Playful()).Named($"{name}'s cat").OwnedBy(player).AtLevel(3).Build();
        await Database.AddCatsAsync(built);
        return (player, built);
    }

    private async Task<Cat> CatAsync(CatId id)
    {
        await using var db = Database.NewContext();
        var cat = await db.Cats.AsNoTracking().FirstAsync(c => c.Id == id);
        cat.CatchUp(Clock.GetUtcNow());
        return cat;
    }

    private async Task<(int Territories, int Challenges)> StoredAsync()
    {
        await using var db = Database.NewContext();
        return (await db.Territories.CountAsync(), await db.TerritoryChallenges.CountAsync());
    }

    private async Task<ChallengeView> ChallengeAsync(UserId player, Cat cat, GeoPoint? at = null)
    {
        var claim = await Territories.ClaimAsync(player, cat.Id, at ?? Spot.Offset(30, 90), TerritoryType.Park);
        Assert.True(claim.Succeeded, claim.FirstMessage);
        return Assert.IsType<ChallengeView>(claim.Value.Challenge);
    }

    [Fact]
    public async Task A_fit_cat_claims_a_free_spot_for_20_energy_and_it_shows_on_the_map_and_the_cat_page()
    {
        var (luna, biscuit) = await OwnerAsync("luna");

        var claim = await Territories.ClaimAsync(luna, biscuit.Id, Spot, TerritoryType.Rooftop);

        Assert.True(claim.Succeeded, claim.FirstMessage);
        var territory = Assert.IsType<TerritoryView>(claim.Value.Claimed);
        Assert.Equal(("luna's cat's rooftop", "luna", Clock.GetUtcNow().AddDays(7)), (territory.Name, territory.OwnerName, territory.DecaysAt));
        Assert.Equal(80, (await CatAsync(biscuit.Id)).Stats.Energy);
        Assert.Equal(territory.Id, Assert.Single(await Territories.ListNearAsync(Spot, 3000)).Id);
        Assert.Equal(territory.Id, Assert.Single(await Territories.ForCatAsync(biscuit.Id)).Id);
        Assert.Contains(Bus.Published, e => e is TerritoriesChanged);
    }

    [Fact]
    public async Task Tired_or_young_cats_a_fourth_territory_bad_points_and_spots_off_the_map_are_refused_with_nothing_stored()
    {
        var (luna, tired) = await OwnerAsync("luna", ACat.Playful().WithEnergy(30));
        var kitten = ACat.Curious().Named("Kitten").OwnedBy(luna).Build();
        var busy = ACat.Aloof().Named("Busy").OwnedBy(luna).AtLevel(5).Build();
        await Database.AddCatsAsync(kitten, busy);
        foreach (var bearing in new[] { 0, 120, 240 })
            Assert.True((await Territories.ClaimAsync(luna, busy.Id, Spot.Offset(500, bearing), TerritoryType.Garden)).Succeeded);
        var before = await StoredAsync();

        Assert.Equal("luna's cat is too tired to claim a territory (energy 30, needs 50). A nap helps.",
            (await Territories.ClaimAsync(luna, tired.Id, Spot, TerritoryType.Garden)).FirstMessage);
        Assert.Equal("Kitten is level 1; a cat needs level 3 to hold a territory.",
            (await Territories.ClaimAsync(luna, kitten.Id, Spot, TerritoryType.Garden)).FirstMessage);
        Assert.Equal("Busy already holds (or is contesting) 3 territories, the most a cat can keep.",
            (await Territories.ClaimAsync(luna, busy.Id, Spot, TerritoryType.Garden)).FirstMessage);
        Assert.Equal("Choose a point on the map (latitude −90 to 90, longitude −180 to 180).",
            (await Territories.ClaimAsync(luna, busy.Id, new GeoPoint(double.NaN, 2.35), TerritoryType.Garden)).FirstMessage);
        Assert.Equal("That spot is off your neighbourhood map: territories must lie within 3 km of your home.",
            (await Territories.ClaimAsync(luna, busy.Id, new GeoPoint(51.5, -0.12), TerritoryType.Garden)).FirstMessage);
        Assert.Equal("Choose a garden, a rooftop, an alley or a park.",
            (await Territories.ClaimAsync(luna, busy.Id, Spot, (TerritoryType)9)).FirstMessage);
        var (_, strangers) = await OwnerAsync("milo");
        Assert.Equal("Choose one of your own cats.", (await Territories.ClaimAsync(luna, strangers.Id, Spot, TerritoryType.Garden)).FirstMessage);

        Assert.Equal(before, await StoredAsync());
        Assert.Equal(30, (await CatAsync(tired.Id)).Stats.Energy);
    }

    [Fact]
    public async Task A_spot_overlapping_ones_own_territory_is_refused_your_cats_never_challenge_each_other()
    {
        var (luna, biscuit) = await OwnerAsync("luna");
        var tofu = ACat.Lazy().Named("Tofu").OwnedBy(luna).AtLevel(4).Build();
        await Database.AddCatsAsync(tofu);
        Assert.True((await Territories.ClaimAsync(luna, biscuit.Id, Spot, TerritoryType.Garden)).Succeeded);

        var again = await Territories.ClaimAsync(luna, tofu.Id, Spot.Offset(60, 0), TerritoryType.Park);

        Assert.Equal("This spot is luna's cat's garden, already yours: your cats cannot challenge each other.", again.FirstMessage);
        Assert.Equal((1, 0), await StoredAsync());
        Assert.True((await Territories.ClaimAsync(luna, tofu.Id, Spot.Offset(101, 0), TerritoryType.Park)).Succeeded); // just clear of it
    }

    [Fact]
    public async Task Two_players_contest_a_spot_end_to_end_the_defender_is_told_live_and_the_winner_takes_it()
    {
        var (luna, biscuit) = await OwnerAsync("luna");
        var (milo, kumo) = await OwnerAsync("milo", ACat.Territorial());
        Assert.True((await Territories.ClaimAsync(luna, biscuit.Id, Spot, TerritoryType.Garden)).Succeeded);
        var other = ACat.Curious().Named("Other").OwnedBy(luna).AtLevel(3).Build();
        await Database.AddCatsAsync(other);
        Assert.True((await Territories.ClaimAsync(luna, other.Id, Spot.Offset(800, 180), TerritoryType.Alley)).Succeeded);

        var spot = await Territories.SpotAsync(milo, Spot.Offset(30, 90));
        var odds = Assert.Single(spot.Value.Cats).Odds!;
        Assert.Equal(Math.Round(57.5 / (57.5 + 46), 4), odds.ChallengerChance);
        var challenge = await ChallengeAsync(milo, kumo);

        Assert.Equal((ChallengeStatus.Pending, "luna's cat", TerritoryType.Garden), (challenge.Status, challenge.HolderCatName, challenge.Type));
        await using (var db = Database.NewContext())
        {
            var told = await db.Notifications.SingleAsync(n => n.RecipientId == luna);
            Assert.Equal((NotificationType.Territory, TerritoryService.ChallengeLink(challenge.Id)), (told.Type, told.Link));
            Assert.Equal("milo's milo's cat challenges luna's cat for their garden. Answer within 12 hours.", told.Text);
        }
        Assert.Contains(Bus.Published, e => e is NotificationAdded n && n.Recipient == luna);
        var details = await Territories.GetChallengeAsync(challenge.Id, luna);
        Assert.Equal(odds.ChallengerChance, details.Value.HolderOdds!.ChallengerChance);

        Random = new ScriptedRandom([0.1], []);
        var fought = await Territories.RespondAsync(luna, challenge.Id, ChallengeAnswer.Accept);

        Assert.True(fought.Succeeded, fought.FirstMessage);
        Assert.Equal((ChallengeStatus.ChallengerWon, "milo's cat won the spot from luna's cat"), (fought.Value.Status, fought.Value.Outcome));
        var garden = Assert.Single(await Territories.ForCatAsync(kumo.Id));
        Assert.Equal((TerritoryType.Garden, milo), (garden.Type, garden.OwnerId));
        Assert.Empty(await Territories.ForCatAsync(biscuit.Id));
        Assert.Equal(Clock.GetUtcNow().AddHours(24), Assert.Single(await Territories.ForCatAsync(other.Id)).ProtectedUntil);
        Assert.Equal((90, 70), ((await CatAsync(kumo.Id)).Stats.Energy, (await CatAsync(biscuit.Id)).Stats.Energy));
        Assert.Equal(new TerritoryPerks { HappinessPerDay = 18 }, (await CatAsync(kumo.Id)).Perks);
        Assert.True((await CatAsync(biscuit.Id)).Perks.IsNone);
        Assert.Contains(Bus.Published, e => e is TerritoryChallengeChanged c && c.ChallengeId == challenge.Id);

        // The loser's other territory is protected; the history shows the contest to both.
        var protectedSpot = await Territories.ClaimAsync(milo, kumo.Id, Spot.Offset(800, 180), TerritoryType.Park);
        Assert.Equal("This spot is protected for another 24 h 0 min: its owner lost a challenge lately.", protectedSpot.FirstMessage);
        Assert.Equal(challenge.Id, Assert.Single(await Territories.HistoryAsync(luna)).Id);
        Assert.Equal(challenge.Id, Assert.Single(await Territories.HistoryAsync(milo, kumo.Id)).Id);
    }

    [Fact]
    public async Task The_defender_can_defend_with_another_cat_and_keeps_the_spot_when_it_wins()
    {
        var (luna, biscuit) = await OwnerAsync("luna");
        var guard = ACat.Territorial().Named("Guard").OwnedBy(luna).AtLevel(6).Build();
        await Database.AddCatsAsync(guard);
        var (milo, kumo) = await OwnerAsync("milo");
        Assert.True((await Territories.ClaimAsync(luna, biscuit.Id, Spot, TerritoryType.Garden)).Succeeded);
        var challenge = await ChallengeAsync(milo, kumo);

        Random = new ScriptedRandom([0.99], []);
        var fought = await Territories.RespondAsync(luna, challenge.Id, ChallengeAnswer.Accept, guard.Id);

        Assert.Equal((ChallengeStatus.DefenderWon, "Guard held the spot against milo's cat"), (fought.Value.Status, fought.Value.Outcome));
        Assert.Single(await Territories.ForCatAsync(biscuit.Id));
        Assert.Equal("Only the defender can answer this challenge.", (await Territories.RespondAsync(milo, challenge.Id, ChallengeAnswer.Decline)).FirstMessage);
        Assert.StartsWith("This challenge is already settled", (await Territories.RespondAsync(luna, challenge.Id, ChallengeAnswer.Decline)).FirstMessage);
        await using var db = Database.NewContext();
        Assert.Equal(1, await db.ActivityEvents.CountAsync(e => e.PlayerId == luna && e.Kind == ActivityKind.TerritoryChallengeWon));
    }

    [Fact]
    public async Task Declining_hands_the_spot_over_and_a_second_challenge_waits_for_the_first()
    {
        var (luna, biscuit) = await OwnerAsync("luna");
        var (milo, kumo) = await OwnerAsync("milo");
        var (nova, pixel) = await OwnerAsync("nova");
        Assert.True((await Territories.ClaimAsync(luna, biscuit.Id, Spot, TerritoryType.Garden)).Succeeded);
        var challenge = await ChallengeAsync(milo, kumo);

        Assert.Equal("Another cat has already challenged for this spot; try again once that is settled.",
            (await Territories.ClaimAsync(nova, pixel.Id, Spot, TerritoryType.Park)).FirstMessage);
        var declined = await Territories.RespondAsync(luna, challenge.Id, ChallengeAnswer.Decline);

        Assert.Equal(ChallengeStatus.Forfeited, declined.Value.Status);
        Assert.Equal(milo, Assert.Single(await Territories.ForCatAsync(kumo.Id)).OwnerId);
    }

    [Fact]
    public async Task An_unanswered_challenge_is_forfeited_by_the_tick_after_12_hours_once()
    {
        var (luna, biscuit) = await OwnerAsync("luna");
        var (milo, kumo) = await OwnerAsync("milo");
        Assert.True((await Territories.ClaimAsync(luna, biscuit.Id, Spot, TerritoryType.Garden)).Succeeded);
        var challenge = await ChallengeAsync(milo, kumo);

        Clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        Assert.Equal(new TerritoryTickReport(0, 0), await Territories.TickAsync());
        Assert.True((await Territories.GetChallengeAsync(challenge.Id, milo)).Value.Challenge.IsPending);

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new TerritoryTickReport(1, 0), await Territories.TickAsync());
        Assert.Equal(new TerritoryTickReport(0, 0), await Territories.TickAsync());

        var settled = (await Territories.GetChallengeAsync(challenge.Id, milo)).Value.Challenge;
        Assert.Equal((ChallengeStatus.Forfeited, challenge.AnswerBy), (settled.Status, settled.SettledAt));
        Assert.Equal(milo, Assert.Single(await Territories.ForCatAsync(kumo.Id)).OwnerId);
    }

    [Fact]
    public async Task A_territory_is_lost_after_7_days_without_a_patrol_or_room_visit_and_its_growth_stops()
    {
        var (luna, biscuit) = await OwnerAsync("luna");
        Assert.True((await Territories.ClaimAsync(luna, biscuit.Id, Spot, TerritoryType.Rooftop)).Succeeded);
        var (_, walker) = await OwnerAsync("milo");
        Assert.True((await Territories.ClaimAsync(walker.OwnerId, walker.Id, Spot.Offset(1000, 0), TerritoryType.Rooftop)).Succeeded);
        Clock.Advance(TimeSpan.FromDays(5));
        await using (var db = Database.NewContext())
        {
            db.ActivityEvents.Add(ActivityEvent.Of(walker.OwnerId, await CatAsync(walker.Id), ActivityKind.CatPatrolled, Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.Equal(new TerritoryTickReport(0, 0), await Territories.TickAsync());
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new TerritoryTickReport(0, 1), await Territories.TickAsync());

        Assert.Empty(await Territories.ForCatAsync(biscuit.Id));
        Assert.Equal(Clock.GetUtcNow().AddDays(5), Assert.Single(await Territories.ForCatAsync(walker.Id)).DecaysAt); // patrolled on day 5
        var cat = await CatAsync(biscuit.Id);
        Assert.True(cat.Perks.IsNone);
        Assert.Equal(50 + 14, cat.Stats.Agility); // 2 a day for the 7 days it held the rooftop, then no more
        Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(64, (await CatAsync(biscuit.Id)).Stats.Agility);
        await using var check = Database.NewContext();
        Assert.Contains("went back to the wild", (await check.Notifications.SingleAsync(n => n.RecipientId == luna)).Text);
    }

    [Fact]
    public async Task The_first_territory_and_ten_contests_won_unlock_achievements()
    {
        var (luna, biscuit) = await OwnerAsync("luna", ACat.Territorial());
        Assert.True((await Territories.ClaimAsync(luna, biscuit.Id, Spot, TerritoryType.Alley)).Succeeded);
        var (milo, kumo) = await OwnerAsync("milo");
        kumo = await CatAsync(kumo.Id);
        for (var i = 0; i < 10; i++)
        {
            var challenge = await ChallengeAsync(milo, kumo, Spot);
            Random = new ScriptedRandom([0.99], []);
            Assert.Equal(ChallengeStatus.DefenderWon, (await Territories.RespondAsync(luna, challenge.Id, ChallengeAnswer.Accept)).Value.Status);
            Clock.Advance(TimeSpan.FromHours(3)); // both cats rest up between contests
        }

        await Progress.ProcessPendingAsync();

        await using var db = Database.NewContext();
        var unlocked = await db.PlayerAchievements.Where(a => a.PlayerId == luna).Select(a => a.AchievementKey).ToListAsync();
        Assert.Contains("home_turf", unlocked);
        Assert.Contains("turf_champion", unlocked);
    }
}
