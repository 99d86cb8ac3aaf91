using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Purrr.Core.Accounts;
using Purrr.Core.Activity;
using Purrr.Core.Admin;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Core.Events;
using Purrr.Core.Presence;
using Purrr.Core.Rooms;
using Purrr.Core.Security;
using Purrr.Data;

namespace Purrr.Bench;

/// <summary>
/// The admin dashboard (every card and chart, all SQL) over a SQLite file with 90 days of a busy world: 5,000 players,
/// 200,000 activities, 40,000 ledger entries and 20,000 security events. Its cost should follow the days shown, not the rows.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class DashboardBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private string folder = "";
    private DashboardService dashboard = null!;

    [Params(7, 90)]
    public int Days { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        folder = Directory.CreateTempSubdirectory("purrr-bench-dashboard-").FullName;
        var options = new DbContextOptionsBuilder<SqlitePurrrDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}").Options;
        await using (var db = new SqlitePurrrDbContext(options))
        {
            await db.Database.MigrateAsync();
            var random = new Random(3);
            DateTimeOffset Past() => Now.AddMinutes(-random.Next(1, 90 * 24 * 60));
            var players = new List<Player>();
            for (var i = 0; i < 5_000; i++)
            {
                var id = UserId.New();
                var player = Player.Create(id, $"p{i}", "UTC", Past());
                players.Add(player);
                db.Users.Add(new PurrrUser { Id = id, UserName = $"p{i}", NormalizedUserName = $"P{i}", SecurityStamp = "s", Player = player });
                for (var e = 0; e < 8; e++)
                    db.LedgerEntries.Add(Wallet.Credit(player, random.Next(1, 100), LedgerReason.QuestReward, "bench", Past()));
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            var kinds = Enum.GetValues<ActivityKind>();
            for (var batch = 0; batch < 20; batch++)
            {
                for (var i = 0; i < 10_000; i++)
                    db.ActivityEvents.Add(ActivityEvent.Of(players[random.Next(players.Count)].Id, null, kinds[random.Next(kinds.Length)], Past(), amount: 1));
                for (var i = 0; i < 1_000; i++)
                    db.SecurityEvents.Add(SecurityEvent.Create(SecurityEventType.LoginSucceeded, players[random.Next(players.Count)].Id, "10.0.0.1", "bench", Past()));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        var factory = new BenchDbFactory(options);
        var clock = new FakeTimeProvider(Now);
        var bus = new InMemoryEventBus();
        dashboard = new DashboardService(factory, clock, new PresenceTracker(clock, bus, factory), new RoomRegistry(clock, bus));
    }

    [Benchmark]
    public async Task<int> Dashboard() => (await dashboard.GetAsync(Days)).Value.Kpis.Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class BenchDbFactory(DbContextOptions<SqlitePurrrDbContext> options) : Purrr.Core.Persistence.IPurrrDbFactory
    {
        public Task<Purrr.Core.Persistence.IPurrrDb> CreateAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<Purrr.Core.Persistence.IPurrrDb>(new SqlitePurrrDbContext(options));
    }
}
