using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Moderation;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;
using Purrr.Core.Security;

namespace Purrr.Core.Admin.Users;

/// <summary>
/// The admin console's users (spec §14): a list filtered, sorted and paged in the database, one user's whole story, and
/// what admins do to accounts — change the role, suspend until a time, ban, lift, sign out everywhere, export. Each
/// action checks that the actor is an admin now (a demoted admin's open tab can't act), refuses with a message the
/// admin reads, and writes an audit entry. Suspensions and bans are the moderators' own (<see cref="ModerationService"/>).
/// </summary>
public sealed class UserAdminService(
    IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus, IAccountAdmin accounts, ModerationService moderation, SecurityLog securityLog)
{
    public const int MaxPageSize = 100;
    public const string NotAnAdmin = "Only admins can manage users.";

    private readonly SemaphoreSlim roleChanges = new(1, 1);

    /// <summary>How many of a user's cats, ledger lines and security events the detail page shows (newest first).</summary>
    public const int DetailRows = 25;

    // ---- Reading ------------------------------------------------------------------------------------------------

    /// <summary>One page of users (page 1 first) matching <paramref name="filter"/>, sorted in the database.</summary>
    public async Task<Paged<UserRow>> SearchAsync(UserFilter filter, UserSort sort, bool descending, int page, int pageSize,
        CancellationToken ct = default)
    {
        (page, pageSize) = (Math.Max(1, page), Math.Clamp(pageSize, 1, MaxPageSize));
        await using var db = await dbFactory.CreateAsync(ct);
        var query = Listing(db, filter, clock.GetUtcNow());
        var total = await query.CountAsync(ct);
        var rows = await Sorted(query, sort, descending).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<UserRow>([.. rows.Select(r => r.ToRow())], total, page, pageSize);
    }

    /// <summary>A user's profile, cats, coins, security events and moderation history, or null when there is no such user.</summary>
    public async Task<UserDetail?> DetailAsync(string userName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var listed = await Listing(db, new UserFilter(), now).FirstOrDefaultAsync(r => r.UserName == userName, ct);
        if (listed is null)
            return null;
        var id = listed.Id;
        var profile = await db.Players.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Bio, p.TimeZoneId, p.ApiTier }).FirstAsync(ct);
        var cats = await db.Cats.AsNoTracking().Where(c => c.OwnerId == id).OrderByDescending(c => c.Level).ThenBy(c => c.Name).Take(DetailRows)
            .Select(c => new UserCat(c.Id, c.Name, c.BreedKey, c.Level, c.IsPublic)).ToListAsync(ct);
        var ledger = await db.LedgerEntries.AsNoTracking().Where(e => e.PlayerId == id).OrderByDescending(e => e.Id).Take(DetailRows).ToListAsync(ct);
        var security = await db.SecurityEvents.AsNoTracking().Where(e => e.UserId == id).OrderByDescending(e => e.Id).Take(DetailRows).ToListAsync(ct);
        var sanctions = await (from s in db.UserSanctions.AsNoTracking()
                               join m in db.Players on s.ModeratorId equals m.Id into moderators
                               from m in moderators.DefaultIfEmpty()
                               where s.UserId == id
                               orderby s.CreatedAt descending
                               select new SanctionHistory(s.Kind, s.Reason, m == null ? "(deleted account)" : m.UserName, s.CreatedAt, s.Until, s.LiftedAt))
            .ToListAsync(ct);
        var openReports = await db.Reports.CountAsync(r => r.TargetKind == ReportTarget.User && r.TargetId == id.Value && r.Status == ReportStatus.Open, ct);
        var restriction = await Sanctions.ActiveRestrictionAsync(db, id, now, ct);
        var history = await moderation.AuditAsync(1, MaxPageSize, about: id, ct: ct);
        return new UserDetail(listed.ToRow(), profile.Bio, profile.TimeZoneId, profile.ApiTier, restriction is null ? null : SanctionView.Of(restriction), openReports,
            cats, ledger, security, sanctions, history.Items);
    }

    /// <summary>Writes every user matching <paramref name="filter"/> as CSV (streamed, not loaded at once); audited.</summary>
    public async Task<Result<int>> ExportCsvAsync(UserId admin, UserFilter filter, TextWriter output, CancellationToken ct = default)
    {
        if (await RefuseAsync(admin, "export users", ct) is { } refused)
            return Result<int>.Failure(refused);
        await using var db = await dbFactory.CreateAsync(ct);
        await output.WriteLineAsync(Csv.Row("user_name", "display_name", "email", "role", "status", "joined_at", "last_seen_at", "coins", "cats"));
        var count = 0;
        await foreach (var listed in Listing(db, filter, clock.GetUtcNow()).OrderBy(r => r.UserName).AsAsyncEnumerable().WithCancellation(ct))
        {
            var row = listed.ToRow();
            await output.WriteLineAsync(Csv.Row(row.UserName, row.DisplayName, row.Email, row.Role, row.Status.ToString(), row.JoinedAt.ToString("O"),
                row.LastSeenAt?.ToString("O"), row.Coins.ToString(), row.Cats.ToString()));
            count++;
        }
        db.AuditLog.Add(AuditEntry.Of(admin, AuditActions.ExportUsers, "Users", "", $"{count} users; {Describe(filter)}", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return count;
    }

    // ---- Acting -------------------------------------------------------------------------------------------------

    /// <summary>Makes the user a Player, Moderator or Admin; they sign in again to get it. The last admin stays one.</summary>
    public async Task<Result<string>> ChangeRoleAsync(UserId admin, UserId user, string? role, CancellationToken ct = default)
    {
        if (await RefuseAsync(admin, "change a role", ct) is { } refused)
            return Failed(refused);
        if (role is null || !Roles.All.Contains(role))
            return Failed("Choose Player, Moderator or Admin.");
        // One role change at a time: two admins demoting each other at once must not both pass the last-admin check.
        await roleChanges.WaitAsync(ct);
        try
        {
            return await ChangeRoleOneAtATimeAsync(admin, user, role, ct);
        }
        finally
        {
            roleChanges.Release();
        }
    }

    private async Task<Result<string>> ChangeRoleOneAtATimeAsync(UserId admin, UserId user, string role, CancellationToken ct)
    {
        if (await RefuseAsync(admin, "change a role", ct) is { } demoted) // the actor may have lost the role while waiting
            return Failed(demoted);
        await using var db = await dbFactory.CreateAsync(ct);
        var target = await (from p in db.Players
                            join a in db.Accounts on p.Id equals a.Id
                            where p.Id == user
                            select new { p.UserName, a.IsAdmin, a.IsModerator }).FirstOrDefaultAsync(ct);
        if (target is null)
            return Failed("This player no longer exists.");
        var current = RoleOf(target.IsAdmin, target.IsModerator);
        if (current == role)
            return Failed($"@{target.UserName} is already {Article(role)} {role}.");
        if (target.IsAdmin && await db.Accounts.CountAsync(a => a.IsAdmin, ct) == 1)
            return Failed($"@{target.UserName} is the last admin: make someone else an admin first.");

        await accounts.SetRoleAsync(user, role, ct);
        var now = clock.GetUtcNow();
        db.AuditLog.Add(AuditEntry.Of(admin, AuditActions.ChangeRole, "User", user.ToString(), $"{current} → {role}", now));
        var told = await Notify.AddAsync(db, user, NotificationType.System, $"An admin made you {Article(role)} {role}. Sign in again to continue.",
            null, admin, now, ct);
        await db.SaveChangesAsync(ct);
        if (told)
            Notify.Announce(bus, [user]);
        bus.Publish(new SessionsEnded(user));
        return $"@{target.UserName} is now {Article(role)} {role}; their open tabs go to the sign-in page.";
    }

    /// <summary>Moves the player to another API tier (how many API requests an hour their keys and tokens get).</summary>
    public async Task<Result<string>> SetApiTierAsync(UserId admin, UserId user, ApiTier tier, CancellationToken ct = default)
    {
        if (await RefuseAsync(admin, "change an API tier", ct) is { } refused)
            return Failed(refused);
        if (!Enum.IsDefined(tier))
            return Failed("Choose Free, Premium or Enterprise.");
        await using var db = await dbFactory.CreateAsync(ct);
        var player = await db.Players.FirstOrDefaultAsync(p => p.Id == user, ct);
        if (player is null)
            return Failed("This player no longer exists.");
        if (player.ApiTier == tier)
            return Failed($"@{player.UserName} is already on the {tier} tier.");
        db.AuditLog.Add(AuditEntry.Of(admin, AuditActions.ApiTier, "User", user.ToString(), $"{player.ApiTier} → {tier}", clock.GetUtcNow()));
        player.SetApiTier(tier);
        await db.SaveChangesAsync(ct);
        return $"@{player.UserName} now has the {tier} API tier ({RateLimitPolicy.Api(tier).Limit:N0} requests an hour).";
    }

    /// <summary>Suspends the user until <paramref name="until"/> (an hour to a year from now); they are told why.</summary>
    public async Task<Result<string>> SuspendAsync(UserId admin, UserId user, DateTimeOffset until, string? reason, CancellationToken ct = default)
    {
        if (await RefuseAsync(admin, "suspend a user", ct) is { } refused)
            return Failed(refused);
        var now = clock.GetUtcNow();
        if (until <= now)
            return Failed("Pick a time in the future.");
        return await moderation.SanctionAsync(admin, user, SanctionRequest.SuspensionUntil(until, now), reason, ct);
    }

    public async Task<Result<string>> BanAsync(UserId admin, UserId user, string? reason, CancellationToken ct = default) =>
        await RefuseAsync(admin, "ban a user", ct) is { } refused ? Failed(refused) : await moderation.SanctionAsync(admin, user, SanctionRequest.Ban(), reason, ct);

    /// <summary>Unbans or unsuspends: every sanction restricting the user now is lifted.</summary>
    public async Task<Result<string>> LiftAsync(UserId admin, UserId user, string? note, CancellationToken ct = default)
    {
        if (await RefuseAsync(admin, "lift a sanction", ct) is { } refused)
            return Failed(refused);
        List<Guid> restricting;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            var now = clock.GetUtcNow();
            restricting = [.. (await db.UserSanctions.AsNoTracking().Where(s => s.UserId == user && s.LiftedAt == null && s.Kind != SanctionKind.Warning)
                .ToListAsync(ct)).Where(s => s.Restricts(now)).Select(s => s.Id)];
        }
        if (restricting.Count == 0)
            return Failed("This player is not suspended or banned.");
        var messages = new List<string>();
        foreach (var sanction in restricting)
        {
            var lifted = await moderation.LiftAsync(admin, sanction, note, ct);
            if (!lifted.Succeeded)
                return lifted;
            messages.Add(lifted.Value);
        }
        return string.Join(" ", messages);
    }

    /// <summary>Ends every session of the user: cookies stop working and their open tabs go to the sign-in page.</summary>
    public async Task<Result<string>> SignOutEverywhereAsync(UserId admin, UserId user, CancellationToken ct = default)
    {
        if (await RefuseAsync(admin, "sign a user out", ct) is { } refused)
            return Failed(refused);
        await using var db = await dbFactory.CreateAsync(ct);
        var name = await db.Players.Where(p => p.Id == user).Select(p => p.UserName).FirstOrDefaultAsync(ct);
        if (name is null)
            return Failed("This player no longer exists.");
        await accounts.EndSessionsAsync(user, ct);
        db.AuditLog.Add(AuditEntry.Of(admin, AuditActions.SignOut, "User", user.ToString(), "Ended every session", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        bus.Publish(new SessionsEnded(user));
        return $"@{name} is signed out everywhere.";
    }

    // ---- How it is done -----------------------------------------------------------------------------------------

    /// <summary>A user row before its role is put in words (the shape the database sorts and pages).</summary>
    private sealed class Listed
    {
        public UserId Id { get; init; }
        public string UserName { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? Email { get; init; }
        public bool IsAdmin { get; init; }
        public bool IsModerator { get; init; }
        public bool Banned { get; init; }
        public bool Suspended { get; init; }
        public DateTimeOffset JoinedAt { get; init; }
        public DateTimeOffset? LastSeenAt { get; init; }
        public long Coins { get; init; }
        public int Cats { get; init; }

        public UserRow ToRow() => new(Id, UserName, DisplayName, Email, RoleOf(IsAdmin, IsModerator),
            Banned ? UserStatus.Banned : Suspended ? UserStatus.Suspended : UserStatus.Active, JoinedAt, LastSeenAt, Coins, Cats);
    }

    private static IQueryable<Listed> Listing(IPurrrDb db, UserFilter filter, DateTimeOffset now)
    {
        var listed = from p in db.Players.AsNoTracking()
                     join a in db.Accounts on p.Id equals a.Id
                     select new Listed
                     {
                         Id = p.Id, UserName = p.UserName, DisplayName = p.DisplayName, Email = a.Email, IsAdmin = a.IsAdmin, IsModerator = a.IsModerator,
                         Banned = db.UserSanctions.Any(s => s.UserId == p.Id && s.LiftedAt == null && s.Kind == SanctionKind.Ban),
                         Suspended = db.UserSanctions.Any(s => s.UserId == p.Id && s.LiftedAt == null && s.Kind == SanctionKind.Suspension && s.Until > now),
                         JoinedAt = p.JoinedAt, LastSeenAt = p.LastSeenAt, Coins = p.Coins, Cats = db.Cats.Count(c => c.OwnerId == p.Id),
                     };
        if (filter.Search?.Trim().ToLowerInvariant() is { Length: > 0 } term)
            listed = listed.Where(r => r.UserName.ToLower().Contains(term) || r.DisplayName.ToLower().Contains(term)
                || (r.Email != null && r.Email.ToLower().Contains(term)));
        listed = filter.Role switch
        {
            Roles.Admin => listed.Where(r => r.IsAdmin),
            Roles.Moderator => listed.Where(r => r.IsModerator && !r.IsAdmin),
            Roles.Player => listed.Where(r => !r.IsModerator && !r.IsAdmin),
            _ => listed,
        };
        return filter.Status switch
        {
            UserStatus.Banned => listed.Where(r => r.Banned),
            UserStatus.Suspended => listed.Where(r => r.Suspended && !r.Banned),
            UserStatus.Active => listed.Where(r => !r.Suspended && !r.Banned),
            _ => listed,
        };
    }

    private static IQueryable<Listed> Sorted(IQueryable<Listed> rows, UserSort sort, bool descending)
    {
        IOrderedQueryable<Listed> By<TKey>(Expression<Func<Listed, TKey>> key) => descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
        var sorted = sort switch
        {
            UserSort.Joined => By(r => r.JoinedAt),
            UserSort.LastSeen => By(r => r.LastSeenAt),
            UserSort.Coins => By(r => r.Coins),
            UserSort.Cats => By(r => r.Cats),
            _ => By(r => r.UserName),
        };
        return sorted.ThenBy(r => r.UserName); // ties in a stable order, so paging never repeats or skips a user
    }

    private static string RoleOf(bool isAdmin, bool isModerator) => isAdmin ? Roles.Admin : isModerator ? Roles.Moderator : Roles.Player;

    private static string Article(string role) => role == Roles.Admin ? "an" : "a";

    private static string Describe(UserFilter filter) =>
        string.Join(", ", new[]
        {
            filter.Search is { Length: > 0 } search ? $"search “{search}”" : null,
            filter.Role is { } role ? $"role {role}" : null,
            filter.Status is { } status ? $"status {status}" : null,
        }.OfType<string>().DefaultIfEmpty("everyone"));

    /// <summary>Null when <paramref name="actor"/> is an admin now; else the refusal, logged as UNAUTHORIZED_ACCESS.</summary>
    private async Task<string?> RefuseAsync(UserId actor, string what, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateAsync(ct))
            if (await db.Accounts.AnyAsync(a => a.Id == actor && a.IsAdmin, ct))
                return null;
        await securityLog.RecordAsync(SecurityEventType.UnauthorizedAccess, actor, null, $"Tried to {what} without the Admin role", ct);
        return NotAnAdmin;
    }

    private static Result<string> Failed(string message) => Result<string>.Failure(message);
}
