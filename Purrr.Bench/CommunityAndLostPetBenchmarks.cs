using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Events;
using Purrr.Core.LostPets;
using Purrr.Data;

namespace Purrr.Bench;

/// <summary>
/// Issue 7's target: a feed page over 100,000 posts in ≤ 20 ms (p95) on SQLite — the same database file as
/// <see cref="SearchBenchmark"/> (built once), with one reader following 50 of its 1,000 authors.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SearchBenchmark.Percentiles))]
public class FeedBenchmark
{
    private FeedService feeds = null!;
    private UserId reader;
    private UserId author;
    private FeedCursor? deep;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), "purrr-bench", $"search-{SearchBenchmark.PostCount}.db");
        var contexts = new SearchBenchmark.SqliteContexts($"Data Source={file}");
        await SearchBenchmark.BuildOnceAsync(contexts, file);
        await using (var db = contexts.CreateDbContext())
        {
            var authors = await db.Players.OrderBy(p => p.UserName).Select(p => p.Id).Take(51).ToListAsync();
            (reader, author) = (authors[0], authors[1]);
            if (!await db.Follows.AnyAsync(f => f.FollowerId == reader))
            {
                db.Follows.AddRange(authors.Skip(1).Select(a => Follow.Create(reader, a, DateTimeOffset.UtcNow)));
                await db.SaveChangesAsync();
            }
        }
        feeds = new FeedService(new PurrrDbFactory(contexts));
        // A cursor 50 pages down, for "Load more" far into the feed.
        var page = await feeds.LatestAsync();
        for (var i = 0; i < 50; i++)
            page = await feeds.LatestAsync(page.Next);
        deep = page.Next;
    }

    [Benchmark]
    public Task<FeedPage> LatestFirstPage() => feeds.LatestAsync();

    [Benchmark]
    public Task<FeedPage> LatestPage51() => feeds.LatestAsync(deep);

    [Benchmark]
    public Task<FeedPage> FollowingFirstPage() => feeds.FollowingAsync(reader);

    [Benchmark]
    public Task<FeedPage> OneAuthorsPosts() => feeds.ByAuthorAsync(author);
}

/// <summary>Issue 9's target: a radius search over 50,000 lost pet reports in ≤ 50 ms on SQLite (a real file).</summary>
[MemoryDiagnoser]
[Config(typeof(SearchBenchmark.Percentiles))]
public class LostPetSearchBenchmark
{
    private static readonly GeoPoint Paris = new(48.8566, 2.3522);
    private LostPetService lostPets = null!;

    /// <summary>Search radius in km: the default, and the largest allowed.</summary>
    [Params(10, 100)]
    public double RadiusKm { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), "purrr-bench", "lost-pets-50000.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var contexts = new SearchBenchmark.SqliteContexts($"Data Source={file}");
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            if (await db.LostPets.CountAsync() < 50_000)
            {
                var owner = UserId.New();
                db.Users.Add(new PurrrUser { Id = owner, UserName = "owner", NormalizedUserName = "OWNER", SecurityStamp = "x", Player = Player.Create(owner, "owner", "UTC", now) });
                var random = new Random(9);
                // Reports across a 150 km wide region around Paris, denser in the middle, like a real city.
                for (var i = 0; i < 50_000; i++)
                {
                    var where = Paris.Offset(Math.Pow(random.NextDouble(), 1.5) * 75_000, random.NextDouble() * 360);
                    db.LostPets.Add(LostPet.Create(owner, new LostPetReport($"Pet {i}", (PetType)(i % 5), "Mixed", "Brown", PetSize.Medium, null, null, null,
                        "Somewhere", where.Latitude, where.Longitude, now.AddMinutes(-random.Next(1, 200_000)), "+33 1 23 45 67 89", "o@example.com", false, null), now));
                }
                await db.SaveChangesAsync();
                await db.Database.ExecuteSqlRawAsync("ANALYZE;");
            }
        }
        lostPets = new LostPetService(new PurrrDbFactory(contexts), new FakeTimeProvider(now), new InMemoryEventBus());
    }

    [Benchmark]
    public async Task<int> FirstPageNearParis() => (await lostPets.SearchAsync(new LostPetQuery(Paris, RadiusKm))).Value.Results.Count;
}
