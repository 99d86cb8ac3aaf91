using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Persistence;
using Purrr.Data;

namespace Purrr.Tests.Infrastructure;

/// <summary>A migrated SQLite database in a temporary file, for service tests against the real schema.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempFolder folder = new("purrr-db-");

    /// <summary>The test's data folder (the database file, uploaded images).</summary>
    public string FolderPath => folder.Path;
    private readonly DbContextOptions<SqlitePurrrDbContext> options;

    private TestDatabase()
    {
        options = new DbContextOptionsBuilder<SqlitePurrrDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder.Path, "test.db")};Pooling=False")
            .Options;
        Contexts = new ContextFactory(options);
        Factory = new PurrrDbFactory(Contexts);
    }

    public IPurrrDbFactory Factory { get; }

    /// <summary>The contexts themselves, for Purrr.Data services that need SQL of their own (post search).</summary>
    public IDbContextFactory<PurrrDbContext> Contexts { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var context = database.NewContext();
        await context.Database.MigrateAsync();
        return database;
    }

    public SqlitePurrrDbContext NewContext() => new(options);

    /// <summary>A player with a sign-in account, as registration would leave them; <paramref name="id"/> pins their id.</summary>
    public async Task<UserId> AddPlayerAsync(string userName, string timeZone = "UTC", UserId? id = null)
    {
        var playerId = id ?? UserId.New();
        await using var context = NewContext();
        context.Users.Add(new PurrrUser
        {
            Id = playerId,
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            Email = $"{userName}@example.test",
            NormalizedEmail = $"{userName}@example.test".ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString(),
            Player = Player.Create(playerId, userName, timeZone, DateTimeOffset.UnixEpoch),
        });
        await context.SaveChangesAsync();
        return playerId;
    }

    /// <summary>Stores cats built with <see cref="ACat"/>.</summary>
    public async Task<Core.Cats.Cat[]> AddCatsAsync(params Core.Cats.Cat[] cats)
    {
        await using var context = NewContext();
        context.Cats.AddRange(cats);
        await context.SaveChangesAsync();
        return cats;
    }

    /// <summary>Sets a player's coins (and a matching ledger entry, as the wallet would).</summary>
    public async Task GiveCoinsAsync(UserId player, long coins)
    {
        await using var context = NewContext();
        var row = await context.Players.FirstAsync(p => p.Id == player);
        context.LedgerEntries.Add(Core.Economy.Wallet.Credit(row, coins, Core.Economy.LedgerReason.WelcomeGift, "test", DateTimeOffset.UnixEpoch));
        await context.SaveChangesAsync();
    }

    public async Task GiveItemsAsync(UserId player, Core.Economy.Item item, int quantity)
    {
        await using var context = NewContext();
        context.InventoryItems.Add(Core.Economy.InventoryItem.Of(player, item, quantity));
        await context.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => folder.DisposeAsync();

    private sealed class ContextFactory(DbContextOptions<SqlitePurrrDbContext> options) : IDbContextFactory<PurrrDbContext>
    {
        public PurrrDbContext CreateDbContext() => new SqlitePurrrDbContext(options);
    }
}
