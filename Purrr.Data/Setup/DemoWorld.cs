using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Purrr.Core.Accounts;
using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Community;
using Purrr.Core.LostPets;
using Purrr.Core.Common;
using Purrr.Core.NightWatch;
using Purrr.Core.Persistence;
using Purrr.Data.Accounts;

namespace Purrr.Data.Setup;

public sealed class DemoOptions
{
    /// <summary>Seed the demo world into an empty database (on in Development).</summary>
    public bool Seed { get; set; }

    /// <summary>
    /// Seed only the accounts and cats before the app serves, and the rest of the neighbourhood (homes, follows, lost pets,
    /// posts) right after, in the background (<see cref="DemoWorldSeeding"/>), so a fresh database starts as fast as an
    /// existing one. Off: everything is seeded before the first request (the tests' default).
    /// </summary>
    public bool Background { get; set; } = true;
}

/// <summary>A handful of players and cats, so a newcomer opens a living app. Same world every time (fixed seed).</summary>
public sealed class DemoWorld(
    AccountService accounts,
    UserManager<PurrrUser> users,
    IPurrrDbFactory dbFactory,
    NightWatchService nightWatch,
    FollowService follows,
    LostPetService lostPets,
    PostService posts,
    CommentService comments,
    ReactionService reactions,
    TimeProvider clock,
    IOptions<Argon2Options> argon2,
    PurrrStorage storage,
    ILogger<DemoWorld> logger)
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "purrr-admin-2026";
    public const string PlayerPassword = "purrr-demo-2026";
    public const string ModeratorUserName = "luna";

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

    /// <summary>
    /// Seeds the whole demo world into an empty database, or finishes one a killed process left half seeded; returns
    /// whether anything was to be seeded.
    /// </summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (!await SeedPlayersIfEmptyAsync(ct))
            return false;
        await SeedNeighbourhoodAsync(ct);
        return true;
    }

    /// <summary>
    /// The first part, enough for the front page and every demo sign-in: the accounts (roles, confirmed emails) and their cats.
    /// Seeds an empty database, or what is missing while an earlier seeding is unfinished; returns whether the
    /// neighbourhood (<see cref="SeedNeighbourhoodAsync"/>) is still to be seeded.
    /// </summary>
    public async Task<bool> SeedPlayersIfEmptyAsync(CancellationToken ct = default)
    {
        // The marker file says "seeding started, not finished": written before the first account, deleted after the last
        // post. A process killed in between leaves it, and the next start completes the world (each step skips what is in).
        // A database seeded before the marker existed, or one players live in, has accounts and no marker: left alone.
        if (!File.Exists(PendingMarker))
        {
            if (await users.Users.AnyAsync(ct))
                return false;
            await File.WriteAllTextAsync(PendingMarker, "The demo world is being seeded; the next start finishes it if this file is left.", ct);
        }

        var random = new SeededRandomSource(2026);
        var hasher = users.PasswordHasher;
        users.PasswordHasher = new DemoPasswordHasher(hasher, argon2.Value);
        try
        {
            await RegisterPlayersAsync(random, ct);
        }
        finally
        {
            users.PasswordHasher = hasher;
        }
        return true;
    }

    /// <summary>The rest, after <see cref="SeedPlayersIfEmptyAsync"/>: homes and zones, follows, lost pets, posts.</summary>
    public async Task SeedNeighbourhoodAsync(CancellationToken ct = default)
    {
        await SettleHomesAsync(ct);
        await BefriendPlayersAsync(ct);
        await ReportLostPetsAsync(ct);
        await WritePostsAsync(ct);
        File.Delete(PendingMarker);

        logger.LogWarning(
            "Demo world seeded. Sign in as {Admin} / {AdminPassword} (admin), or as luna (moderator), milo, nova or pixel / {PlayerPassword}.",
            AdminUserName, AdminPassword, PlayerPassword);
    }

    /// <summary>Present while the demo world is only partly seeded (in the data folder, next to the SQLite file).</summary>
    public string PendingMarker => Path.Combine(storage.DataFolder, "demo-world.pending");

    // Each player is registered, given their roles and cats unless already there: a resumed seeding picks up where the
    // killed one stopped. The cats are drawn for every player all the same, so each one gets the same genome either way.
    private async Task RegisterPlayersAsync(SeededRandomSource random, CancellationToken ct)
    {
        foreach (var player in Players)
        {
            var account = await users.FindByNameAsync(player.UserName);
            if (account is null)
            {
                // The first account becomes Admin, so the admin is registered first.
                var registered = await accounts.RegisterAsync(
                    new RegistrationRequest(player.UserName, $"{player.UserName}@purrr.local", player.Password, player.TimeZone), ct);
                if (!registered.Succeeded)
                    throw new InvalidOperationException($"Demo player {player.UserName}: {registered.FirstMessage}");
                account = registered.Value;
            }
            if (!account.EmailConfirmed)
            {
                account.EmailConfirmed = true;
                await users.UpdateAsync(account);
            }
            string[] roles = player.UserName switch
            {
                AdminUserName => [Roles.Player, Roles.Admin],
                ModeratorUserName => [Roles.Player, Roles.Moderator], // someone to run the moderation queue
                _ => [Roles.Player],
            };
            foreach (var role in roles)
                if (!await users.IsInRoleAsync(account, role))
                    await users.AddToRoleAsync(account, role);

            await using var db = await dbFactory.CreateAsync(ct);
            var hasCats = await db.Cats.AnyAsync(c => c.OwnerId == account.Id, ct);
            foreach (var demoCat in player.Cats)
            {
                var now = clock.GetUtcNow();
                var cat = CatAdoption.Adopt(account.Id,
                    new AdoptCatRequest(demoCat.Name, demoCat.Breed, demoCat.Personality, demoCat.IsPublic), now, random).Value;
                if (hasCats)
                    continue;
                cat.GainXp(demoCat.Xp);
                // Recorded like any adoption and level-up, so timelines, achievements and leaderboards start out alive.
                CatAdoption.Welcome(db, account.Id, cat, now);
                if (cat.Level > 1)
                    LevelUps.Record(db, account.Id, cat, cat.Level, now);
            }
            await db.SaveChangesAsync(ct); // one player's cats in one save
        }
    }

    /// <summary>
    /// Argon2id at full cost takes ~300 ms of both cores per hash, five times over for the demo accounts: the two published
    /// demo passwords come pre-hashed at the default cost (the same check as any hash; a different configured cost
    /// hashes each password once instead).
    /// </summary>
    private sealed class DemoPasswordHasher(IPasswordHasher<PurrrUser> inner, Argon2Options cost) : IPasswordHasher<PurrrUser>
    {
        public static readonly IReadOnlyDictionary<string, string> PreHashed = new Dictionary<string, string>
        {
            [AdminPassword] = "$argon2id$v=19$m=65536,t=4,p=3$mPRmIB7sqtDjJjQBiK7heQ$uSrg61EnP77uWBwZw55GT4ey9jmaTGsLZ3k4IjUkIic",
            [PlayerPassword] = "$argon2id$v=19$m=65536,t=4,p=3$2A0gJH+hyCTQ2Gjo3X+8rA$9Jd4x37Pzm7Ty+vrm1cPfwhKVUp/effBKswPVcDWkBs",
        };

        private readonly Dictionary<string, string> hashes = PreHashed
            .Where(h => inner is Argon2PasswordHasher && h.Value.StartsWith($"$argon2id$v=19$m={cost.MemoryKib},t={cost.Iterations},p={cost.Parallelism}$", StringComparison.Ordinal))
            .ToDictionary();

        public string HashPassword(PurrrUser user, string password)
        {
            if (!hashes.TryGetValue(password, out var hash))
                hashes[password] = hash = inner.HashPassword(user, password);
            return hash;
        }

        public PasswordVerificationResult VerifyHashedPassword(PurrrUser user, string hashedPassword, string providedPassword) =>
            inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    /// <summary>The pre-hashed demo passwords, for the test that they still verify.</summary>
    public static IReadOnlyDictionary<string, string> PreHashedPasswords => DemoPasswordHasher.PreHashed;

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

    private sealed record DemoLostPet(string Owner, string Name, PetType Type, string Breed, string Colour, double North, double East, double HoursAgo,
        string Place, string? Reward = null, params (string Spotter, double North, double East, double HoursAgo, SightingConfidence Confidence, string Note)[] Sightings);

    private static readonly DemoLostPet[] LostPetReports =
    [
        new("luna", "Caramel", PetType.Cat, "Domestic shorthair", "Orange tabby", 300, -200, 20, "Rue des Écoles", "€50",
            ("milo", 500, 100, 8, SightingConfidence.Medium, "On a windowsill, looked well fed"), ("nova", 800, 350, 3, SightingConfidence.High, "Under a parked scooter")),
        new("milo", "Bruno", PetType.Dog, "Beagle", "Tricolour", -600, 900, 30, "Jardin des Plantes", "€200",
            ("pixel", -200, 1400, 12, SightingConfidence.Low, "Barking near the river")),
        new("nova", "Sora", PetType.Bird, "Cockatiel", "Grey and yellow", 1200, 300, 50, "Place Monge"),
        new("pixel", "Hopper", PetType.Rabbit, "Lionhead", "White", -1500, -800, 70, "Luxembourg gardens", null,
            ("luna", -1300, -500, 40, SightingConfidence.Medium, "Eating grass by the fountain")),
        new("luna", "Pepper", PetType.Cat, "Bombay", "Black", 2200, -1500, 100, "Les Halles"),
        new("milo", "Daisy", PetType.Dog, "Labrador", "Yellow", 3000, 2500, 8, "Canal Saint-Martin", "€100",
            ("nova", 3200, 2300, 2, SightingConfidence.High, "Swimming after ducks")),
        new("nova", "Miso", PetType.Cat, "Siamese", "Seal point", -400, -300, 5, "Rue Mouffetard"),
        new("pixel", "Kiwi", PetType.Bird, "Budgerigar", "Green", 600, 1800, 26, "Île Saint-Louis"),
        new("luna", "Ziggy", PetType.Other, "Ferret", "Sable", -2500, 600, 140, "Place d'Italie"),
        new("milo", "Luna", PetType.Cat, "Maine Coon", "Brown tabby", 4500, -3000, 200, "Montmartre", "€80",
            ("pixel", 4700, -2800, 90, SightingConfidence.Low, "Maybe on the stairs")),
        new("nova", "Biscuit", PetType.Dog, "Corgi", "Red and white", -3500, -3200, 12, "Montparnasse"),
        new("pixel", "Nimbus", PetType.Cat, "Persian", "White", 150, 50, 3, "Pont de la Tournelle", "€30"),
    ];

    private sealed record DemoPost(string Author, string Title, string Body, string[] Tags, (string Who, string Text)[] Comments, (string Who, ReactionType Type)[] Reactions);

    private static readonly DemoPost[] Posts =
    [
        new("luna", "Mochi's first night watch", """
            Mochi went out on her first **night patrol** last night and came back *very* proud of herself.

            - two strays sheltered
            - one bobcat politely asked to leave

            Thanks @milo for the tips on guardian roles! #nightwatch
            """, ["nightwatch", "stories"],
            [("milo", "Guardians are underrated. Well done Mochi!"), ("pixel", "Ziggy wants to join next time.")],
            [("milo", ReactionType.Love), ("nova", ReactionType.Like), ("pixel", ReactionType.Wow)]),
        new("milo", "A guide to breeding for rare coats", """
            Rare alleles only come from mutations, and mutations are likelier when the parents are **different**.

            1. Check the kitten odds on the breeding page first.
            2. Pair a social butterfly with anyone: +10 compatibility.
            3. Be patient: litters take two hours.

            > Lilac is dilute chocolate. You need two recessive copies of each.
            """, ["breeding", "genetics", "guides"],
            [("luna", "The kitten odds table is my favourite thing in Purrr.")],
            [("luna", ReactionType.Like), ("nova", ReactionType.Like)]),
        new("nova", "Kumo discovered the adventure zone", """
            Took Kumo to the **adventure zone** for the first time. She explored every corner and made friends with a playful tabby.

            Anyone up for a party room tonight? #rooms
            """, ["rooms", "stories"],
            [("pixel", "Count me in!"), ("luna", "Mochi is bringing snacks.")],
            [("pixel", ReactionType.Laugh), ("luna", ReactionType.Love)]),
        new("pixel", "Have you seen Caramel?", """
            Our neighbour's orange tabby **Caramel** slipped out near Rue des Écoles yesterday. Check the Lost & Found map
            and add a sighting if you spot her. Every report helps! #lostandfound
            """, ["lostandfound", "community"],
            [("milo", "Saw an orange cat on a windowsill this morning, added a sighting.")],
            [("luna", ReactionType.Sad), ("milo", ReactionType.Like), ("nova", ReactionType.Like)]),
    ];

    // A few posts with comments and reactions, so the community opens with something to read.
    private async Task WritePostsAsync(CancellationToken ct)
    {
        var ids = new Dictionary<string, UserId>();
        foreach (var player in Players.Where(p => p.UserName != AdminUserName))
            ids[player.UserName] = (await users.FindByNameAsync(player.UserName))!.Id;
        await using var db = await dbFactory.CreateAsync(ct); // what a resumed seeding already wrote is skipped
        foreach (var post in Posts)
        {
            var (excerpt, author) = (post.Body.Split('\n')[0].Replace("*", ""), ids[post.Author]);
            var postId = await db.Posts.Where(p => p.AuthorId == author && p.Title == post.Title).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
                ?? (await posts.PublishAsync(author, null, new PostInput(post.Title, post.Body, excerpt.Length > 200 ? excerpt[..200] : excerpt, post.Tags), ct)).Value.Id;
            foreach (var (who, text) in post.Comments)
            {
                var commenter = ids[who];
                if (!await db.Comments.AnyAsync(c => c.PostId == postId && c.AuthorId == commenter && c.Body == text, ct))
                    _ = (await comments.AddAsync(commenter, postId, null, text, ct)).Value;
            }
            foreach (var (who, type) in post.Reactions)
                _ = (await reactions.ReactAsync(ids[who], ReactionTarget.Post, postId, type, ct)).Value; // reacting twice keeps one
        }
    }

    // A dozen lost pets around the neighbourhood with some sightings, and two players who asked for alerts.
    private async Task ReportLostPetsAsync(CancellationToken ct)
    {
        var ids = new Dictionary<string, UserId>();
        foreach (var player in Players.Where(p => p.UserName != AdminUserName))
            ids[player.UserName] = (await users.FindByNameAsync(player.UserName))!.Id;
        var now = clock.GetUtcNow();
        var centre = new GeoPoint(48.8530, 2.3499);
        GeoPoint At(double north, double east) => centre.Offset(north, 0).Offset(east, 90);
        await using var db = await dbFactory.CreateAsync(ct); // what a resumed seeding already wrote is skipped
        foreach (var pet in LostPetReports)
        {
            var (where, owner) = (At(pet.North, pet.East), ids[pet.Owner]);
            var id = await db.LostPets.Where(p => p.OwnerId == owner && p.Name == pet.Name).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
                ?? (await lostPets.ReportAsync(owner, new LostPetReport(pet.Name, pet.Type, pet.Breed, pet.Colour, PetSize.Medium, null,
                $"{pet.Name} slipped out and hasn't come back.", null, pet.Place, where.Latitude, where.Longitude, now.AddHours(-pet.HoursAgo),
                "+33 1 23 45 67 89", $"{pet.Owner}@purrr.local", false, pet.Reward), ct: ct)).Value.Id;
            foreach (var seen in pet.Sightings)
            {
                var spotter = ids[seen.Spotter];
                if (await db.LostPetSightings.AnyAsync(s => s.LostPetId == id && s.ReporterId == spotter, ct))
                    continue;
                var spot = At(seen.North, seen.East);
                _ = (await lostPets.AddSightingAsync(spotter, id, new SightingReport(null, spot.Latitude, spot.Longitude, now.AddHours(-seen.HoursAgo),
                    seen.Note, seen.Confidence), ct: ct)).Value;
            }
            if (pet.Name == "Hopper" && await db.LostPets.AnyAsync(p => p.Id == id && p.Status == LostPetStatus.Active, ct)) // one happy ending
                _ = (await lostPets.CloseAsync(owner, id, LostPetStatus.Found, "Back home and munching carrots. Thank you, Luna!", ct)).Value;
        }
        await lostPets.SetAlertsAsync(ids["nova"], true, ct);
        await lostPets.SetAlertsAsync(ids["pixel"], true, ct);
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
