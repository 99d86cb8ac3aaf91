using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Core.Moderation;
using Purrr.Core.Security;

namespace Purrr.Core.Admin.Users;

/// <summary>Whether a player may post and chat now (a ban outranks a suspension).</summary>
public enum UserStatus { Active, Suspended, Banned }

/// <summary>The user list's sortable columns.</summary>
public enum UserSort { UserName, Joined, LastSeen, Coins, Cats }

/// <summary>What the user list shows; empty parts match everyone. <see cref="Role"/> is one of <see cref="Accounts.Roles.All"/>.</summary>
public sealed record UserFilter(string? Search = null, string? Role = null, UserStatus? Status = null);

/// <summary>One user in the admin list.</summary>
public sealed record UserRow(
    UserId Id,
    string UserName,
    string DisplayName,
    string? Email,
    string Role,
    UserStatus Status,
    DateTimeOffset JoinedAt,
    DateTimeOffset? LastSeenAt,
    long Coins,
    int Cats);

/// <summary>Everything an admin looks at before acting on a user.</summary>
public sealed record UserDetail(
    UserRow User,
    string Bio,
    string TimeZoneId,
    ApiTier ApiTier,
    SanctionView? Restriction,
    int OpenReports,
    IReadOnlyList<UserCat> Cats,
    IReadOnlyList<LedgerEntry> Ledger,
    IReadOnlyList<SecurityEvent> SecurityEvents,
    IReadOnlyList<SanctionHistory> Sanctions,
    IReadOnlyList<AuditView> History);

public sealed record UserCat(CatId Id, string Name, string BreedKey, int Level, bool IsPublic);

/// <summary>A warning, suspension or ban the user received, and who gave it.</summary>
public sealed record SanctionHistory(SanctionKind Kind, string Reason, string ModeratorUserName, DateTimeOffset CreatedAt, DateTimeOffset? Until,
    DateTimeOffset? LiftedAt);
