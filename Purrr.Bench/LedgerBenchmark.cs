using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Core.Events;
using Purrr.Data;

namespace Purrr.Bench;

/// <summary>
/// Issue 15: ledger writes on SQLite (a real file) — one shop purchase as a player makes it: the idempotency check,
/// the balance change with its ledger entry, the pantry shelf and the activity, in one save inside the conflict retry.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SearchBenchmark.Percentiles))]
public class LedgerBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private string folder = "";
    private InventoryService inventory = null!;
    private UserId buyer;
    private long purchase;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        folder = Directory.CreateTempSubdirectory("purrr-bench-ledger-").FullName;
        var contexts = new SearchBenchmark.SqliteContexts($"Data Source={Path.Combine(folder, "ledger.db")}");
        buyer = UserId.New();
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            var player = Player.Create(buyer, "shopper", "UTC", Now);
            db.Users.Add(new PurrrUser { Id = buyer, UserName = "shopper", NormalizedUserName = "SHOPPER", SecurityStamp = "x", Player = player });
            db.LedgerEntries.Add(Wallet.Credit(player, 1_000_000_000, LedgerReason.WelcomeGift, "bench", Now)); // enough for every iteration
            await db.SaveChangesAsync();
        }
        inventory = new InventoryService(new PurrrDbFactory(contexts), new FakeTimeProvider(Now), new InMemoryEventBus());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A new click each time (a new idempotency key), so every call writes.</summary>
    [Benchmark]
    public async Task<bool> BuyBasicFood() =>
        (await inventory.BuyAsync(buyer, Items.BasicFood.Key, 1, $"bench-{Interlocked.Increment(ref purchase)}")).Succeeded;
}
