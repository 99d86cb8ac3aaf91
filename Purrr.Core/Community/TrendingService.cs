using Microsoft.EntityFrameworkCore;
using Purrr.Core.Persistence;

namespace Purrr.Core.Community;

/// <summary>
/// Recomputes the trending scores (<see cref="TrendingRules"/>) into their table, which the trending feed reads
/// through its score index. Run hourly by a background service; posts that left the window leave the table.
/// </summary>
public sealed class TrendingService(IPurrrDbFactory dbFactory, TimeProvider clock)
{
    /// <summary>Scores every post of the last week; returns how many posts trend now.</summary>
    public async Task<int> RecomputeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var since = TrendingRules.WindowStart(now);
        var posts = await db.Posts.AsNoTracking().Visible()
            .Where(p => p.PublishedAt >= since && p.PublishedAt <= now)
            .Select(p => new
            {
                p.Id,
                p.Views,
                Reactions = db.Reactions.Count(r => r.TargetKind == ReactionTarget.Post && r.TargetId == p.Id),
                Comments = db.Comments.Count(c => c.PostId == p.Id && c.DeletedAt == null && !c.Removed),
            })
            .ToListAsync(ct);
        var scores = posts.ToDictionary(p => p.Id, p => TrendingRules.Score(p.Views, p.Reactions, p.Comments));

        var stored = await db.TrendingScores.ToListAsync(ct);
        foreach (var row in stored)
        {
            if (scores.Remove(row.PostId, out var score))
                row.Update(score, now);
            else
                db.TrendingScores.Remove(row);
        }
        foreach (var (post, score) in scores)
            db.TrendingScores.Add(TrendingScore.Of(post, score, now));
        await db.SaveChangesAsync(ct);
        return posts.Count;
    }
}
