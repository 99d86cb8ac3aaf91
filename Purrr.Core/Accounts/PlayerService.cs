using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Accounts;

/// <summary>Reads and edits players' profiles and preferences.</summary>
public sealed class PlayerService(IPurrrDbFactory dbFactory)
{
    public async Task<Player?> FindAsync(UserId id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Players.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
    }

    /// <summary>The names of these players (those that still exist), by display name.</summary>
    public async Task<IReadOnlyList<PlayerName>> NamesAsync(IReadOnlyCollection<UserId> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
            return [];
        await using var db = await dbFactory.CreateAsync(ct);
        return PlayerName.Sorted(await db.Players.Where(p => ids.Contains(p.Id))
            .Select(p => new PlayerName(p.Id, p.UserName, p.DisplayName)).ToListAsync(ct));
    }

    public async Task<Result<Player>> UpdateProfileAsync(UserId id, ProfileUpdate update, CancellationToken ct = default)
    {
        var problems = AccountRules.CheckProfile(update);
        if (problems.Count > 0)
            return Result<Player>.Failure(problems);

        await using var db = await dbFactory.CreateAsync(ct);
        var player = await db.Players.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (player is null)
            return Result<Player>.Failure("This player no longer exists.");
        player.UpdateProfile(update);
        await db.SaveChangesAsync(ct);
        return player;
    }

    public async Task SetThemeAsync(UserId id, ThemePreference theme, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var player = await db.Players.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (player is null)
            return;
        player.SetTheme(theme);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The player's API tier; Free for anyone unknown.</summary>
    public async Task<Security.ApiTier> ApiTierOfAsync(UserId id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Players.Where(p => p.Id == id).Select(p => p.ApiTier).FirstOrDefaultAsync(ct);
    }
}
