using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Moderation;

/// <summary>Whether a user may post, comment and chat now (suspensions and bans stop them, with the reason shown).</summary>
public static class Sanctions
{
    /// <summary>Why the user can't post or chat right now, or null.</summary>
    public static async Task<Problem?> WhyRestrictedAsync(IPurrrDb db, UserId user, DateTimeOffset now, CancellationToken ct = default) =>
        await ActiveRestrictionAsync(db, user, now, ct) is { } active ? new(Describe(active)) : null;

    /// <summary>The suspension or ban that restricts the user now (a ban outranks a suspension, the longest suspension the rest).</summary>
    public static async Task<UserSanction?> ActiveRestrictionAsync(IPurrrDb db, UserId user, DateTimeOffset now, CancellationToken ct = default) =>
        Strongest(await db.UserSanctions.AsNoTracking()
            .Where(s => s.UserId == user && s.LiftedAt == null && s.Kind != SanctionKind.Warning)
            .ToListAsync(ct), now);

    /// <summary>Of one user's sanctions, the one that restricts them at <paramref name="now"/>, or null.</summary>
    public static UserSanction? Strongest(IEnumerable<UserSanction> sanctions, DateTimeOffset now) =>
        sanctions.Where(s => s.Restricts(now))
            .OrderByDescending(s => s.Kind) // a ban outranks a suspension
            .ThenByDescending(s => s.Until)
            .FirstOrDefault();

    /// <summary>What the restricted user reads (times in UTC; pages show them in the player's zone).</summary>
    public static string Describe(UserSanction restriction) => restriction.Kind switch
    {
        SanctionKind.Ban => $"Your account is banned: {restriction.Reason}",
        _ => $"You are suspended until {restriction.Until:d MMM yyyy HH:mm} UTC: {restriction.Reason}",
    };
}
