using Microsoft.EntityFrameworkCore;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Core.NightWatch;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.NightWatch;

/// <summary>Homes, deploying, recalling and zones, against a real database. Players are on UTC; 22:00 UTC is night.</summary>
[Trait("Category", "Integration")]
public sealed class NightWatchServiceTests : ServiceTestBase
{
    private static readonly GeoPoint Home = new(48.8530, 2.3499);

    private void MakeItNight() => Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero));

    private async Task<(UserId Player, Cat[] Cats)> NeighbourAsync(string name, int cats = 2, GeoPoint? home = null)
    {
        var player = await NewPlayerAsync(name);
        var team = await Database.AddCatsAsync(Enumerable.Range(0, cats)
            .Select(i => ACat.With((Personality)(i % 6)).Named($"{name}-cat{i}").OwnedBy(player).Build()).ToArray());
        var at = home ?? Home;
        Assert.True((await NightWatch.SetHomeAsync(player, at.Latitude, at.Longitude)).Succeeded);
        return (player, team);
    }

    private async Task<(int Patrols, int Events, long Coins, int Zones)> FootprintAsync(UserId player)
    {
        await using var db = Database.NewContext();
        return (await db.Patrols.CountAsync(p => p.PlayerId == player), await db.NightWatchEvents.CountAsync(e => e.PlayerId == player),
            await db.Players.Where(p => p.Id == player).Select(p => p.Coins).FirstAsync(), await db.ProtectionZones.CountAsync(z => z.OwnerId == player));
    }

    private static IReadOnlyList<DeployRequest> Team(params Cat[] cats) => cats.Select(c => new DeployRequest(c.Id)).ToList();

    [Fact]
    public async Task The_first_home_comes_with_a_free_home_base_and_moving_home_keeps_just_that_one()
    {
        var luna = await NewPlayerAsync("luna");

        Assert.True((await NightWatch.SetHomeAsync(luna, Home.Latitude, Home.Longitude)).Succeeded);
        Assert.True((await NightWatch.SetHomeAsync(luna, 48.86, 2.36)).Succeeded);

        var zones = await NightWatch.ListZonesAsync(Home, 3000);
        var homeBase = Assert.Single(zones);
        Assert.Equal((ZoneSpecs.HomeBaseName, ZoneType.SafeHaven, 100, true, "luna"), (homeBase.Name, homeBase.Type, homeBase.RadiusMeters, homeBase.IsHomeBase, homeBase.OwnerName));
        Assert.Equal(Wallet.StartingCoins, (await FootprintAsync(luna)).Coins);
        Assert.Equal(new GeoPoint(48.86, 2.36), (await NightWatch.GetStatusAsync(luna)).Home);
    }

    [Fact]
    public async Task At_night_cats_go_out_in_their_personality_roles_unless_told_otherwise_until_dawn()
    {
        MakeItNight();
        var luna = await NewPlayerAsync("luna");
        var cats = await Database.AddCatsAsync(
            ACat.Playful().Named("Biscuit").OwnedBy(luna).Build(),
            ACat.Curious().Named("Kumo").OwnedBy(luna).Build(),
            ACat.Lazy().Named("Tofu").OwnedBy(luna).Build());
        await NightWatch.SetHomeAsync(luna, Home.Latitude, Home.Longitude);

        var sent = await NightWatch.DeployAsync(luna, [new(cats[0].Id), new(cats[1].Id), new(cats[2].Id, PatrolRole.Guardian)]);

        Assert.True(sent.Succeeded, sent.FirstMessage);
        Assert.Equal([PatrolRole.Guardian, PatrolRole.Scout, PatrolRole.Guardian], sent.Value.Cats.Select(c => c.Role));
        Assert.Equal([1.2, 0.9, 0.8], sent.Value.Cats.Select(c => Math.Round(c.Strength, 2)));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero), sent.Value.EndsAt);
        var status = await NightWatch.GetStatusAsync(luna);
        Assert.Equal(sent.Value.Id, status.ActivePatrol!.Id);
        Assert.All(status.Candidates, c => Assert.Equal($"{c.Cat.Name} is already out on night watch.", c.Unavailable));
        var started = (await NightWatch.GetMapAsync(luna)).Events.Single();
        Assert.Equal("luna sent Biscuit, Kumo and Tofu out on patrol.", started.Text);
    }

    [Fact]
    public async Task By_day_nothing_is_deployed_and_the_player_is_told_when_night_starts()
    {
        var (luna, cats) = await NeighbourAsync("luna"); // noon UTC

        var sent = await NightWatch.DeployAsync(luna, Team(cats));

        Assert.Equal("Night watch runs 21:00–06:00 your time (UTC); it starts in 9 h 0 min.", sent.FirstMessage);
        Assert.Equal((0, 0), ((await FootprintAsync(luna)).Patrols, (await FootprintAsync(luna)).Events));
        var status = await NightWatch.GetStatusAsync(luna);
        Assert.False(status.IsNight);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.Zero), status.NightStartsAt);
    }

    [Fact]
    public async Task Bad_deployments_are_refused_with_a_reason_and_store_nothing()
    {
        MakeItNight();
        var (luna, cats) = await NeighbourAsync("luna", cats: 11);
        var (milo, miloCats) = await NeighbourAsync("milo", cats: 1);
        var sick = (await Database.AddCatsAsync(ACat.Playful().Named("Sniffles").OwnedBy(luna).WithHealth(10).Build()))[0];
        var homeless = await NewPlayerAsync("nova");
        var novaCat = (await Database.AddCatsAsync(ACat.Playful().OwnedBy(homeless).Build()))[0];

        Assert.Equal("A patrol takes at most 10 cats.", (await NightWatch.DeployAsync(luna, Team(cats))).FirstMessage);
        Assert.Equal("Only your own cats can patrol.", (await NightWatch.DeployAsync(luna, Team(cats[0], miloCats[0]))).FirstMessage);
        Assert.StartsWith("Sniffles is neglected", (await NightWatch.DeployAsync(luna, Team(cats[0], sick))).FirstMessage);
        Assert.Equal("Each cat can only go once.", (await NightWatch.DeployAsync(luna, Team(cats[0], cats[0]))).FirstMessage);
        Assert.Equal("Choose at least one cat.", (await NightWatch.DeployAsync(luna, [])).FirstMessage);
        Assert.Equal("Choose guardian, scout, alarm or healer.", (await NightWatch.DeployAsync(luna, [new(cats[0].Id, (PatrolRole)9)])).FirstMessage);
        Assert.Equal("Set your home on the map first: your cats patrol around it.", (await NightWatch.DeployAsync(homeless, Team(novaCat))).FirstMessage);

        Assert.Equal((0, 0), ((await FootprintAsync(luna)).Patrols, (await FootprintAsync(luna)).Events));
        Assert.True((await NightWatch.DeployAsync(luna, Team(cats[..10]))).Succeeded); // ten is fine
        Assert.Equal("Your cats are already out on patrol. Recall them to send a different team.",
            (await NightWatch.DeployAsync(luna, Team(cats[10]))).FirstMessage);
    }

    [Fact]
    public async Task A_cat_in_a_game_cannot_patrol_and_a_cat_on_patrol_cannot_play()
    {
        MakeItNight();
        var (luna, cats) = await NeighbourAsync("luna");
        Assert.True((await PawMatch.StartAsync(luna, cats[0].Id, 10, "game")).Succeeded);

        Assert.EndsWith("is in the middle of a game of Paw Match.", (await NightWatch.DeployAsync(luna, Team(cats[0]))).FirstMessage);
        Assert.True((await NightWatch.DeployAsync(luna, Team(cats[1]))).Succeeded);
        Assert.Equal($"{cats[1].Name} is out on night watch. Recall the patrol to play.", (await PawMatch.StartAsync(luna, cats[1].Id, 10, "game-2")).FirstMessage);
    }

    [Fact]
    public async Task A_recalled_patrol_is_over_and_its_cats_are_free_again()
    {
        MakeItNight();
        var (luna, cats) = await NeighbourAsync("luna");
        var patrol = (await NightWatch.DeployAsync(luna, Team(cats))).Value;
        var (milo, _) = await NeighbourAsync("milo");

        Assert.Equal("There is no patrol of yours out right now.", (await NightWatch.RecallAsync(milo, patrol.Id)).FirstMessage);
        var recalled = await NightWatch.RecallAsync(luna, patrol.Id);

        Assert.Equal(PatrolStatus.Recalled, recalled.Value.Status);
        Assert.Equal("There is no patrol of yours out right now.", (await NightWatch.RecallAsync(luna, patrol.Id)).FirstMessage);
        var status = await NightWatch.GetStatusAsync(luna);
        Assert.Null(status.ActivePatrol);
        Assert.Equal(patrol.Id, status.LastNight!.Id);
        Assert.All(status.Candidates, c => Assert.Null(c.Unavailable));
    }

    [Fact]
    public async Task A_zone_costs_its_price_once_even_when_the_click_is_repeated_and_everyone_sees_it_with_its_owner()
    {
        var (luna, _) = await NeighbourAsync("luna");
        var (milo, _) = await NeighbourAsync("milo", home: Home.Offset(400, 90));
        var request = new ZoneRequest(ZoneType.MotionSensor, "Bakery corner", Home.Offset(150, 0).Latitude, Home.Offset(150, 0).Longitude, 80);

        var built = await NightWatch.CreateZoneAsync(luna, request, "build-1");
        var again = await NightWatch.CreateZoneAsync(luna, request, "build-1");

        Assert.Equal(built.Value.Id, again.Value.Id);
        Assert.Equal((Wallet.StartingCoins - 200, 2), ((await FootprintAsync(luna)).Coins, (await FootprintAsync(luna)).Zones));
        var seenByMilo = (await NightWatch.GetMapAsync(milo)).Zones;
        Assert.Contains(seenByMilo, z => z.Name == "Bakery corner" && z.OwnerName == "luna" && z.RadiusMeters == 80);
        Assert.Contains(seenByMilo, z => z.IsHomeBase && z.OwnerName == "milo");
    }

    [Fact]
    public async Task A_zone_kit_builds_a_zone_instead_of_coins()
    {
        var (luna, _) = await NeighbourAsync("luna");
        await Database.GiveItemsAsync(luna, Items.CatCondoKit, 1);

        var built = await NightWatch.CreateZoneAsync(luna, new ZoneRequest(ZoneType.CatCondo, null, Home.Latitude, Home.Longitude, 50, UseKit: true), "kit-1");
        var second = await NightWatch.CreateZoneAsync(luna, new ZoneRequest(ZoneType.CatCondo, null, Home.Latitude, Home.Longitude, 50, UseKit: true), "kit-2");

        Assert.Equal("Cat condo", built.Value.Name);
        Assert.Equal("You have no cat condo kit. Buy one in the shop, or pay 500 coins.", second.FirstMessage);
        Assert.Equal(Wallet.StartingCoins, (await FootprintAsync(luna)).Coins);
        Assert.Equal(0, (await Inventory.GetAsync(luna)).Shelves.Single(s => s.Item.Key == Items.CatCondoKit.Key).Quantity);
    }

    [Fact]
    public async Task One_kit_builds_one_zone_even_when_two_builds_race_for_it()
    {
        var (luna, _) = await NeighbourAsync("luna");
        await Database.GiveItemsAsync(luna, Items.SafeHavenKit, 1);
        var request = new ZoneRequest(ZoneType.SafeHaven, null, Home.Latitude, Home.Longitude, 100, UseKit: true);

        var built = await Task.WhenAll(Task.Run(() => NightWatch.CreateZoneAsync(luna, request, "a")), Task.Run(() => NightWatch.CreateZoneAsync(luna, request, "b")));

        Assert.Equal(1, built.Count(b => b.Succeeded));
        Assert.Equal((Wallet.StartingCoins, 2), ((await FootprintAsync(luna)).Coins, (await FootprintAsync(luna)).Zones)); // Home Base + one
    }

    [Theory]
    [InlineData(0, 48.85, 2.35, "RadiusMeters", "A zone's radius is 1 to 1,000 metres.")]
    [InlineData(-5, 48.85, 2.35, "RadiusMeters", "A zone's radius is 1 to 1,000 metres.")]
    [InlineData(1001, 48.85, 2.35, "RadiusMeters", "A zone's radius is 1 to 1,000 metres.")]
    [InlineData(50, 91, 2.35, "Location", "Choose a point on the map (latitude −90 to 90, longitude −180 to 180).")]
    [InlineData(50, 48.85, -181, "Location", "Choose a point on the map (latitude −90 to 90, longitude −180 to 180).")]
    public async Task A_zone_off_the_map_or_of_impossible_size_is_refused_and_costs_nothing(int radius, double latitude, double longitude, string field, string message)
    {
        var (luna, _) = await NeighbourAsync("luna");

        var built = await NightWatch.CreateZoneAsync(luna, new ZoneRequest(ZoneType.MotionSensor, "Nope", latitude, longitude, radius), "bad");

        Assert.Equal(new Problem(message, field), Assert.Single(built.Problems));
        Assert.Equal((Wallet.StartingCoins, 1), ((await FootprintAsync(luna)).Coins, (await FootprintAsync(luna)).Zones));
    }

    [Fact]
    public async Task Without_enough_coins_no_zone_is_built()
    {
        var (luna, _) = await NeighbourAsync("luna");

        var built = await NightWatch.CreateZoneAsync(luna, new ZoneRequest(ZoneType.CatCondo, null, Home.Latitude, Home.Longitude, 50), "too-dear");
        var condo = await NightWatch.CreateZoneAsync(luna, new ZoneRequest(ZoneType.CatCondo, null, Home.Latitude, Home.Longitude, 50), "dear");

        Assert.True(built.Succeeded); // 500 coins: exactly enough once
        Assert.Equal("Not enough coins: this costs 500 and you have 0.", condo.FirstMessage);
        Assert.Equal((0L, 2), ((await FootprintAsync(luna)).Coins, (await FootprintAsync(luna)).Zones));
    }

    [Fact]
    public async Task Setting_home_while_buying_in_another_tab_does_both()
    {
        var luna = await NewPlayerAsync("luna");

        var buying = Enumerable.Range(0, 10).Select(i => Task.Run(() => Inventory.BuyAsync(luna, Items.BasicFood.Key, 1, $"buy-{i}"))).ToList();
        var home = await Task.Run(() => NightWatch.SetHomeAsync(luna, Home.Latitude, Home.Longitude));
        await Task.WhenAll(buying);

        Assert.True(home.Succeeded, home.FirstMessage);
        Assert.All(buying, b => Assert.True(b.Result.Succeeded));
        Assert.Equal(Home, (await NightWatch.GetStatusAsync(luna)).Home);
        Assert.Equal(Wallet.StartingCoins - 10 * Items.BasicFood.Price, (await FootprintAsync(luna)).Coins);
    }

    [Fact]
    public async Task An_invalid_home_is_refused()
    {
        var luna = await NewPlayerAsync("luna");

        Assert.Equal("Location", Assert.Single((await NightWatch.SetHomeAsync(luna, double.NaN, 2)).Problems).Field);
        Assert.Null((await NightWatch.GetStatusAsync(luna)).Home);
        Assert.Equal(0, (await FootprintAsync(luna)).Zones);
    }

    [Fact]
    public async Task Only_the_owner_moves_or_removes_a_zone()
    {
        var (luna, _) = await NeighbourAsync("luna");
        var (milo, _) = await NeighbourAsync("milo");
        var zone = (await NightWatch.CreateZoneAsync(luna, new ZoneRequest(ZoneType.CommunityAlert, "Watch", Home.Latitude, Home.Longitude, 500), "z")).Value;

        Assert.Equal("Only a zone's owner can move it.", (await NightWatch.MoveZoneAsync(milo, zone.Id, 48.9, 2.4)).FirstMessage);
        Assert.Equal("Only a zone's owner can remove it.", (await NightWatch.RemoveZoneAsync(milo, zone.Id)).FirstMessage);
        var moved = await NightWatch.MoveZoneAsync(luna, zone.Id, 48.8600, 2.3500);
        Assert.Equal((48.86, 2.35), (moved.Value.Latitude, moved.Value.Longitude));
        Assert.True((await NightWatch.RemoveZoneAsync(luna, zone.Id)).Succeeded);
        Assert.DoesNotContain(await NightWatch.ListZonesAsync(Home, 3000), z => z.Id == zone.Id);
    }

    [Fact]
    public async Task A_map_shows_the_neighbourhood_and_not_the_other_side_of_the_world()
    {
        MakeItNight();
        var (luna, cats) = await NeighbourAsync("luna");
        var (milo, _) = await NeighbourAsync("milo", home: Home.Offset(1500, 200));
        var (nova, _) = await NeighbourAsync("nova", home: new GeoPoint(35.68, 139.69));
        await NightWatch.DeployAsync(luna, Team(cats));

        var milosMap = await NightWatch.GetMapAsync(milo);
        var novasMap = await NightWatch.GetMapAsync(nova);

        Assert.Equal(2, milosMap.Cats.Count(c => c.OwnerName == "luna"));
        Assert.Contains(milosMap.Zones, z => z.OwnerName == "luna");
        Assert.Contains(milosMap.Events, e => e.PlayerId == luna);
        Assert.DoesNotContain(novasMap.Zones, z => z.OwnerName != "nova");
        Assert.Empty(novasMap.Cats);
        Assert.Empty(novasMap.Events);
    }
}
