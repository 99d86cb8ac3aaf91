using Microsoft.EntityFrameworkCore;
using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Progress;

public sealed record PlayerStanding(int Rank, UserId Player, string UserName, string DisplayName, long Value);

public sealed record CatStanding(int Rank, CatSummary Cat, long Value);

/// <summary>The top 100, and where the viewer stands even when outside it.</summary>
public sealed record Leaderboard<T>(IReadOnlyList<T> Top, T? Viewer);

/// <summary>Rankings (spec §5): players by achievement points and by strays saved, cats by level; weekly or all time. Ties share a rank.</summary>
public sealed class LeaderboardService(IPurrrDbFactory dbFactory, TimeProvider clock)
{
    public const int Size = 100;

    /// <summary>Players by achievement points (weekly: points unlocked since Monday, UTC).</summary>
    public async Task<Leaderboard<PlayerStanding>> PlayersAsync(UserId? viewer, bool weekly, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var since = Since(weekly);
        var scores = db.PlayerAchievements.Where(a => a.UnlockedAt >= since)
            .GroupBy(a => a.PlayerId).Select(g => new PlayerScore { PlayerId = g.Key, Value = g.Sum(a => (long)a.Points) });
        return await RankAsync(db, scores, viewer, ct);
    }

    /// <summary>Players by strays their night-watch patrols rescued or sheltered (weekly: since Monday, UTC).</summary>
    public async Task<Leaderboard<PlayerStanding>> StraySaversAsync(UserId? viewer, bool weekly, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var since = Since(weekly);
        var scores = db.ActivityEvents
            .Where(e => e.OccurredAt >= since && (e.Kind == ActivityKind.StraysRescued || e.Kind == ActivityKind.StraysSheltered))
            .GroupBy(e => e.PlayerId).Select(g => new PlayerScore { PlayerId = g.Key, Value = g.Sum(e => (long)e.Amount) });
        return await RankAsync(db, scores, viewer, ct);
    }

    private DateTimeOffset Since(bool weekly) => weekly ? Quests.WeekStart(clock.GetUtcNow()) : DateTimeOffset.MinValue;

    // A class with an initializer (not a positional record) so EF Core can keep composing queries over it.
    private sealed class PlayerScore
    {
        public UserId PlayerId { get; init; }
        public long Value { get; init; }
    }

    private static async Task<Leaderboard<PlayerStanding>> RankAsync(IPurrrDb db, IQueryable<PlayerScore> scores, UserId? viewer, CancellationToken ct)
    {
        var top = await scores
            .Join(db.Players, s => s.PlayerId, p => p.Id, (s, p) => new { s.PlayerId, p.UserName, p.DisplayName, s.Value })
            .OrderByDescending(s => s.Value).ThenBy(s => s.UserName)
            .Take(Size).ToListAsync(ct);
        var ordered = top.OrderByDescending(t => t.Value).ThenBy(t => t.UserName, StringComparer.Ordinal).ToList();
        var ranks = Ranks(ordered.Select(t => t.Value).ToList());
        var standings = ordered.Select((t, i) => new PlayerStanding(ranks[i], t.PlayerId, t.UserName, t.DisplayName, t.Value)).ToList();

        PlayerStanding? mine = null;
        if (viewer is { } me)
        {
            mine = standings.FirstOrDefault(s => s.Player == me);
            if (mine is null && await db.Players.AsNoTracking().FirstOrDefaultAsync(p => p.Id == me, ct) is { } player)
            {
                var value = await scores.Where(s => s.PlayerId == me).Select(s => s.Value).FirstOrDefaultAsync(ct);
                var ahead = await scores.CountAsync(s => s.Value > value, ct);
                mine = new PlayerStanding(ahead + 1, me, player.UserName, player.DisplayName, value);
            }
        }
        return new Leaderboard<PlayerStanding>(standings, mine);
    }

    /// <summary>Public cats by level (weekly: by XP earned since Monday, UTC). The viewer's standing is their best cat's.</summary>
    public async Task<Leaderboard<CatStanding>> CatsAsync(UserId? viewer, bool weekly, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var since = Quests.WeekStart(clock.GetUtcNow());
        var publicCats = db.Cats.Where(c => c.IsPublic);
        var values = weekly
            ? db.ActivityEvents.Where(e => e.OccurredAt >= since && e.CatId != null && e.XpGained > 0)
                .GroupBy(e => e.CatId!.Value).Select(g => new { CatId = g.Key, Value = g.Sum(e => (long)e.XpGained), Tiebreak = 0L })
                .Join(publicCats, v => v.CatId, c => c.Id, (v, c) => v)
            : publicCats.Select(c => new { CatId = c.Id, Value = (long)c.Level, Tiebreak = c.Xp });

        var top = await values.OrderByDescending(v => v.Value).ThenByDescending(v => v.Tiebreak).Take(Size).ToListAsync(ct);
        var ids = top.Select(t => t.CatId).ToList();
        var cats = await db.Cats.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.Players, c => c.OwnerId, p => p.Id, (c, p) => new { Cat = c, Owner = p.DisplayName }).ToListAsync(ct);
        var summaries = cats.ToDictionary(c => c.Cat.Id, c => CatSummary.Of(c.Cat, c.Owner));
        var catRanks = Ranks(top.Select(t => t.Value).ToList());
        var standings = top.Select((t, i) => new CatStanding(catRanks[i], summaries[t.CatId], t.Value)).ToList();

        CatStanding? mine = null;
        if (viewer is { } me)
        {
            mine = standings.FirstOrDefault(s => cats.Any(c => c.Cat.Id == s.Cat.Id && c.Cat.OwnerId == me));
            if (mine is null)
            {
                var myBest = await values.Join(db.Cats.Where(c => c.OwnerId == me), v => v.CatId, c => c.Id, (v, c) => v)
                    .OrderByDescending(v => v.Value).FirstOrDefaultAsync(ct);
                if (myBest is not null)
                {
                    var ahead = await values.CountAsync(v => v.Value > myBest.Value, ct);
                    var best = await db.Cats.AsNoTracking().FirstAsync(c => c.Id == myBest.CatId, ct);
                    var ownerName = await db.Players.Where(p => p.Id == me).Select(p => p.DisplayName).FirstAsync(ct);
                    mine = new CatStanding(ahead + 1, CatSummary.Of(best, ownerName), myBest.Value);
                }
            }
        }
        return new Leaderboard<CatStanding>(standings, mine);
    }

    /// <summary>Standard competition ranking of values sorted high to low: equal values share a rank (1, 2, 2, 4).</summary>
    public static IReadOnlyList<int> Ranks(IReadOnlyList<long> descending)
    {
        var ranks = new int[descending.Count];
        for (var i = 0; i < descending.Count; i++)
            ranks[i] = i > 0 && descending[i] == descending[i - 1] ? ranks[i - 1] : i + 1;
        return ranks;
    }
}
