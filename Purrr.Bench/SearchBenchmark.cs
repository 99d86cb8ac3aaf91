using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Search;
using Purrr.Data;
using Purrr.Data.Search;

namespace Purrr.Bench;

/// <summary>
/// Issue 7's target: search over 100,000 posts in ≤ 20 ms (p95) on SQLite, through the FTS5 index on a real database
/// file. The world is built once into the temp folder and reused by later runs (delete it to rebuild). Post text is
/// drawn from a 3,000-word vocabulary with Zipf-like frequencies, so some words are in a third of all posts and others
/// in a handful.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class SearchBenchmark
{
    public const int PostCount = 100_000;
    private const int Authors = 1_000;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private SearchService service = null!;
    private SqlitePostSearch posts = null!;
    private readonly Dictionary<string, SearchTerms> queries = [];
    private readonly UserId searcher = UserId.New();
    private FakeTimeProvider clock = null!;

    /// <summary>A common word (in ≈ 30 % of posts), a rare one, two words, a prefix, and a word in no post.</summary>
    [Params("whiskers", "tortoiseshell", "sunny windowsill", "purr", "xylophonic")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), "purrr-bench", $"search-{PostCount}.db");
        var contexts = new SqliteContexts($"Data Source={file}");
        await BuildOnceAsync(contexts, file);
        posts = new SqlitePostSearch(contexts);
        clock = new FakeTimeProvider(Start);
        service = new SearchService(new PurrrDbFactory(contexts), posts, clock);
        queries[Query] = SearchTerms.Parse(Query).Value;
        await posts.SearchAsync(queries[Query], 0, SearchService.PostsPerPage + 1); // warm the page cache
    }

    /// <summary>The first page of posts (what a search costs the database).</summary>
    [Benchmark]
    public Task<IReadOnlyList<PostHit>> Posts() => posts.SearchAsync(queries[Query], 0, SearchService.PostsPerPage + 1);

    /// <summary>A whole search as the page makes it: posts and players, with the rate limit.</summary>
    [Benchmark]
    public async Task<Result<SearchResults>> PostsAndPlayers()
    {
        clock.Advance(TimeSpan.FromSeconds(1)); // one searcher stays under 100 a minute
        return await service.SearchAsync(searcher, Query);
    }

    internal static async Task BuildOnceAsync(SqliteContexts contexts, string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            if (await db.Posts.CountAsync() >= PostCount)
                return;
        }
        Console.WriteLine($"Building {PostCount:N0} posts in {file} (once)…");
        var random = new Random(7);
        var vocabulary = Vocabulary(random);
        var authors = new List<UserId>();
        await using (var db = contexts.CreateDbContext())
        {
            for (var i = 0; i < Authors; i++)
            {
                var id = UserId.New();
                var name = $"cat_fan_{i}";
                db.Users.Add(new PurrrUser { Id = id, UserName = name, NormalizedUserName = name.ToUpperInvariant(), SecurityStamp = "x", Player = Player.Create(id, name, "UTC", Start) });
                authors.Add(id);
            }
            await db.SaveChangesAsync();
        }
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[Zipf(random, vocabulary.Length)]));
        for (var done = 0; done < PostCount; done += 2_000)
        {
            await using var db = contexts.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = done; i < done + 2_000; i++)
            {
                var at = Start.AddMinutes(i);
                var post = Post.Create(authors[random.Next(authors.Count)], $"post-{i}", at);
                var body = Words(random.Next(80, 400));
                if (random.NextDouble() < 0.3)
                    body += " whiskers";
                if (random.NextDouble() < 0.001)
                    body += " tortoiseshell";
                post.SetContent(Words(random.Next(3, 9)), body, Words(random.Next(10, 30)), null, [], body.Length / 1_000 + 1, at);
                // Most posts are published; some are drafts, removed or held, which search must skip.
                post.SetStatus(random.NextDouble() switch { < 0.9 => PostStatus.Published, < 0.95 => PostStatus.Draft, < 0.98 => PostStatus.Removed, _ => PostStatus.Held }, at);
                db.Posts.Add(post);
            }
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO PostSearch(PostSearch) VALUES('optimize'); ANALYZE;");
        }
    }

    /// <summary>Pronounceable made-up words, plus the ones the queries use.</summary>
    private static string[] Vocabulary(Random random)
    {
        string[] syllables = ["ka", "mi", "to", "ru", "ne", "so", "pa", "li", "mo", "chi", "ber", "tan", "lo", "fi", "zu", "gre", "pur", "sha", "wen", "dal"];
        var words = new HashSet<string> { "cat", "kitten", "sunny", "windowsill", "purr", "purring", "nap", "food", "toy", "vet" };
        while (words.Count < 3_000)
            words.Add(string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => syllables[random.Next(syllables.Length)])));
        return [.. words];
    }

    /// <summary>An index with probability ∝ 1/(rank+1): a few words everywhere, most rarely.</summary>
    private static int Zipf(Random random, int n) => Math.Min(n - 1, (int)Math.Floor(Math.Exp(random.NextDouble() * Math.Log(n + 1)) - 1));

    internal sealed class SqliteContexts(string connectionString) : IDbContextFactory<PurrrDbContext>
    {
        private readonly DbContextOptions<SqlitePurrrDbContext> options = new DbContextOptionsBuilder<SqlitePurrrDbContext>().UseSqlite(connectionString).Options;

        public PurrrDbContext CreateDbContext() => new SqlitePurrrDbContext(options);
    }

    internal sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95);
    }
}
