using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Moderation;

/// <summary>Whether a user may post, comment and chat now (suspensions and bans stop them, with the reason shown).</summary>
public static class Sanctions
{
    /// <summary>Why the user can't post or chat right now, or null.</summary>
    public static async Task<Problem?> WhyRestrictedAsync(IPurrrDb db, UserId user, DateTimeOffset now, CancellationToken ct = default)
    {
        var active = (await db.UserSanctions.AsNoTracking()
                .Where(s => s.UserId == user && s.LiftedAt == null && s.Kind != SanctionKind.Warning)
                .ToListAsync(ct))
            .Where(s => s.Restricts(now))
            .OrderByDescending(s => s.Kind) // a ban outranks a suspension
            .ThenByDescending(s => s.Until)
            .FirstOrDefault();
        return active switch
        {
            null => null,
            { Kind: SanctionKind.Ban } => new($"Your account is banned: {active.Reason}"),
            _ => new($"You are suspended until {active.Until:d MMM yyyy HH:mm} UTC: {active.Reason}"),
        };
    }
}
