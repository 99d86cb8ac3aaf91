using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Purrr.Core.Accounts;

namespace Purrr.Data.Setup;

/// <summary>Brings the database up to date at start: migrations, SQLite's WAL mode, roles, and the demo world when empty.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<PurrrDbContext> contexts,
    DatabaseSettings settings,
    RoleManager<PurrrRole> roles,
    DemoWorld demoWorld,
    IOptions<DemoOptions> demo)
{
    /// <summary>Returns whether the rest of the demo world is still to be seeded (<see cref="DemoOptions.Background"/>).</summary>
    public async Task<bool> InitializeAsync(CancellationToken ct = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct); // readers no longer block the writer
            // Migrate also diffs the migrations' snapshot against the model (≈ 0.2 s of CPU at start): only when there is
            // something to apply. A model change without its migration is MigrationTests' to catch, not each start's.
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
                await db.Database.MigrateAsync(ct);
        }

        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new PurrrRole(role));

        if (!demo.Value.Seed)
            return false;
        if (demo.Value.Background)
            return await demoWorld.SeedPlayersIfEmptyAsync(ct);
        await demoWorld.SeedIfEmptyAsync(ct);
        return false;
    }
}

public static class DatabaseInitialization
{
    public static async Task InitializePurrrDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        bool neighbourhoodPending;
        await using (var scope = services.CreateAsyncScope())
            neighbourhoodPending = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        if (neighbourhoodPending)
            services.GetRequiredService<DemoWorldSeeding>().StartNeighbourhood(services);
    }
}
