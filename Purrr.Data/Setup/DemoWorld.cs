using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Community;
using Purrr.Core.Common;
using Purrr.Core.NightWatch;
using Purrr.Core.Persistence;
using Purrr.Data.Accounts;

namespace Purrr.Data.Setup;

public sealed class DemoOptions
{
    /// <summary>Seed the demo world into an empty database (on in Development).</summary>
    public bool Seed { get; set; }
}

/// <summary>A handful of players and cats, so a newcomer opens a living app. Same world every time (fixed seed).</summary>
public sealed class DemoWorld(
    AccountService accounts,
    UserManager<PurrrUser> users,
    IPurrrDbFactory dbFactory,
    NightWatchService nightWatch,
    FollowService follows,
    TimeProvider clock,
    ILogger<DemoWorld> logger)
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "purrr-admin-2026";
    public const string PlayerPassword = "purrr-demo-2026";

    private sealed record DemoCat(string Name, string Breed, Personality Personality, long Xp, bool IsPublic = true);

    /// <summary>A demo player's home on the night-watch map, and the zone they built (if any).</summary>
    private sealed record DemoHome(double Latitude, double Longitude, ZoneType? Zone = null, string? ZoneName = null);

    private sealed record DemoPlayer(string UserName, string TimeZone, string Password, DemoCat[] Cats, DemoHome? Home = null);

    private static readonly DemoPlayer[] Players =
    [
        new(AdminUserName, "UTC", AdminPassword,
        [
            new("Whiskers", "maine_coon", Personality.Territorial, 1300),
            new("Pudding", "british_shorthair", Personality.Lazy, 260),
        ]),
        new("luna", "Europe/Paris", PlayerPassword,
        [
            new("Mochi", "ragdoll", Personality.SocialButterfly, 900),
            new("Shadow", "bombay", Personality.Aloof, 450),
            new("Biscuit", "domestic_shorthair", Personality.Playful, 60),
        ]),
        new("milo", "America/New_York", PlayerPassword,
        [
            new("Tiger", "bengal", Personality.Playful, 2100),
            new("Sapphire", "siamese", Personality.Curious, 700),
            new("Secret", "russian_blue", Personality.Aloof, 120, IsPublic: false),
        ], new(48.8566, 2.3522, ZoneType.MotionSensor, "Rue de Rivoli sensor")),
        new("nova", "Asia/Tokyo", PlayerPassword,
        [
            new("Kumo", "turkish_van", Personality.Curious, 520),
            new("Tofu", "persian", Personality.Lazy, 200),
        ], new(48.8502, 2.3447, ZoneType.CommunityAlert, "Latin Quarter watch")),
        new("pixel", "Australia/Sydney", PlayerPassword,
        [
            new("Ziggy", "abyssinian", Personality.Playful, 3300),
            new("Fern", "norwegian_forest", Personality.Territorial, 800),
            new("Pebble", "domestic_longhair", Personality.SocialButterfly, 30),
        ], new(48.8541, 2.3612)),
    ];

    /// <summary>Seeds only an empty database; returns whether it did.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await users.Users.AnyAsync(ct))
            return false;

        var random = new SeededRandomSource(2026);
        await using var db = await dbFactory.CreateAsync(ct);
        foreach (var player in Players)
        {
            // The first account becomes Admin, so the admin is registered first.
            var account = await accounts.RegisterAsync(
                new RegistrationRequest(player.UserName, $"{player.UserName}@purrr.local", player.Password, player.TimeZone), ct);
            if (!account.Succeeded)
                throw new InvalidOperationException($"Demo player {player.UserName}: {account.FirstMessage}");
            account.Value.EmailConfirmed = true;
            await users.UpdateAsync(account.Value);

            foreach (var demoCat in player.Cats)
            {
                var now = clock.GetUtcNow();
                var cat = CatAdoption.Adopt(account.Value.Id,
                    new AdoptCatRequest(demoCat.Name, demoCat.Breed, demoCat.Personality, demoCat.IsPublic), now, random).Value;
                cat.GainXp(demoCat.Xp);
                // Recorded like any adoption and level-up, so timelines, achievements and leaderboards start out alive.
                CatAdoption.Welcome(db, account.Value.Id, cat, now);
                if (cat.Level > 1)
                    LevelUps.Record(db, account.Value.Id, cat, cat.Level, now);
            }
        }
        await db.SaveChangesAsync(ct);
        await SettleHomesAsync(ct);
        await BefriendPlayersAsync(ct);

        logger.LogWarning(
            "Demo world seeded. Sign in as {Admin} / {AdminPassword} (admin), or as luna, milo, nova or pixel / {PlayerPassword}.",
            AdminUserName, AdminPassword, PlayerPassword);
        return true;
    }

    // The demo players follow each other, so "Who's online" has someone on it from the start.
    private async Task BefriendPlayersAsync(CancellationToken ct)
    {
        var ids = new List<UserId>();
        foreach (var player in Players.Where(p => p.UserName != AdminUserName))
            ids.Add((await users.FindByNameAsync(player.UserName))!.Id);
        foreach (var follower in ids)
            foreach (var followee in ids.Where(id => id != follower))
                _ = (await follows.FollowAsync(follower, followee, ct)).Value;
    }

    // Some neighbours around the map's default centre, so a newcomer's night-watch map is not empty.
    private async Task SettleHomesAsync(CancellationToken ct)
    {
        foreach (var player in Players.Where(p => p.Home is not null))
        {
            var id = (await users.FindByNameAsync(player.UserName))!.Id;
            var home = player.Home!;
            _ = (await nightWatch.SetHomeAsync(id, home.Latitude, home.Longitude, ct)).Value; // .Value throws if the demo data is wrong
            if (home.Zone is { } zone)
            {
                var near = new GeoPoint(home.Latitude, home.Longitude).Offset(120, 60);
                _ = (await nightWatch.CreateZoneAsync(id, new ZoneRequest(zone, home.ZoneName, near.Latitude, near.Longitude, ZoneSpecs.Of(zone).DefaultRadius),
                    $"demo-zone-{player.UserName}", ct)).Value;
            }
        }
    }
}
