using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Games;
using Purrr.Core.NightWatch;
using Purrr.Core.Persistence;

namespace Purrr.Core.Cats;

public static class CatAvailability
{
    /// <summary>The player's cats that are busy, with why: out on patrol, or in a game of Paw Match.</summary>
    internal static async Task<Dictionary<CatId, string>> BusyAsync(IPurrrDb db, UserId playerId, CancellationToken ct)
    {
        var busy = new Dictionary<CatId, string>();
        var patrolling = await db.PatrolCats.Join(db.Patrols.Where(p => p.PlayerId == playerId && p.Status == PatrolStatus.Active),
            pc => pc.PatrolId, p => p.Id, (pc, p) => pc.CatId).Join(db.Cats, id => id, c => c.Id, (id, c) => new { id, c.Name }).ToListAsync(ct);
        foreach (var cat in patrolling)
            busy[cat.id] = $"{cat.Name} is already out on night watch.";
        var playing = await db.PawMatchGames.Where(g => g.PlayerId == playerId && g.Status == PawMatchStatus.Playing)
            .Join(db.Cats, g => g.CatId, c => c.Id, (g, c) => new { c.Id, c.Name }).ToListAsync(ct);
        foreach (var cat in playing)
            busy.TryAdd(cat.Id, $"{cat.Name} is in the middle of a game of Paw Match.");
        return busy;
    }
}
