using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Territories;

/// <summary>A player's territories in their data export, and what closing the account does to them.</summary>
public sealed record ExportedTerritories(IReadOnlyList<Territory> Held, IReadOnlyList<TerritoryChallenge> Challenges);

public static class TerritoryAccount
{
    public static async Task<ExportedTerritories> ExportAsync(IPurrrDb db, UserId player, CancellationToken ct) => new(
        await db.Territories.AsNoTracking().Where(t => t.OwnerId == player).OrderBy(t => t.HeldSince).ToListAsync(ct),
        await db.TerritoryChallenges.AsNoTracking().Where(c => c.ChallengerId == player || c.DefenderId == player).OrderByDescending(c => c.IssuedAt).ToListAsync(ct));

    /// <summary>
    /// The account is closing (same save): its territories go back to the wild (the cats move to the shelter, which holds
    /// none), its open challenges are called off, and its cats stop growing from territories.
    /// </summary>
    public static async Task CloseAsync(IPurrrDb db, UserId player, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var challenge in await db.TerritoryChallenges.Where(c => (c.ChallengerId == player || c.DefenderId == player) && c.Status == ChallengeStatus.Pending).ToListAsync(ct))
            challenge.Settle(ChallengeStatus.Cancelled, now);
        var held = await db.Territories.Where(t => t.OwnerId == player).ToListAsync(ct);
        var catIds = held.Select(t => t.CatId).Distinct().ToList();
        foreach (var cat in await db.Cats.Where(c => catIds.Contains(c.Id)).ToListAsync(ct))
            cat.HoldTerritories(TerritoryPerks.None, now);
        db.Territories.RemoveRange(held);
    }
}
