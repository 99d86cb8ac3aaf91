using Microsoft.EntityFrameworkCore;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Progress;

/// <summary>An achievement as a profile shows it; <see cref="Current"/> is the player's progress toward it.</summary>
public sealed record AchievementProgress(Achievement Achievement, DateTimeOffset? UnlockedAt, long Current)
{
    public bool Unlocked => UnlockedAt is not null;
    public long Shown => Math.Min(Current, Achievement.Threshold);
}

public sealed record PlayerProfile(
    UserId Id,
    string UserName,
    string DisplayName,
    string Bio,
    DateTimeOffset JoinedAt,
    int Points,
    IReadOnlyList<CatSummary> Cats,
    IReadOnlyList<AchievementProgress> Achievements,
    bool IsOwn);

/// <summary>A player's public page: who they are, their cats, their achievements.</summary>
public sealed class ProfileService(IPurrrDbFactory dbFactory)
{
    /// <summary>Others see public cats and earned achievements; the player also sees private cats and locked ones with progress.</summary>
    public async Task<PlayerProfile?> GetAsync(string userName, UserId? viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var player = await db.Players.AsNoTracking().FirstOrDefaultAsync(p => p.UserName == userName, ct);
        if (player is null)
            return null;
        var own = player.Id == viewer;
        var cats = await db.Cats.AsNoTracking().Where(c => c.OwnerId == player.Id && (own || c.IsPublic)).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var unlocked = await db.PlayerAchievements.AsNoTracking().Where(a => a.PlayerId == player.Id).ToDictionaryAsync(a => a.AchievementKey, ct);
        var counters = await db.PlayerCounters.AsNoTracking().Where(c => c.PlayerId == player.Id).ToDictionaryAsync(c => c.Key, c => c.Value, ct);
        var achievements = Achievements.All
            .Select(a => new AchievementProgress(a, unlocked.TryGetValue(a.Key, out var u) ? u.UnlockedAt : null, counters.GetValueOrDefault(a.Counter)))
            .Where(a => own || a.Unlocked)
            .OrderByDescending(a => a.Unlocked).ThenBy(a => a.Achievement.Rarity)
            .ToList();
        return new PlayerProfile(player.Id, player.UserName, player.DisplayName, player.Bio, player.JoinedAt,
            unlocked.Values.Sum(a => a.Points), cats.Select(c => CatSummary.Of(c, player.DisplayName)).ToList(), achievements, own);
    }
}
