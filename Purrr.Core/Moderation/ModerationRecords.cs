using Purrr.Core.Common;

namespace Purrr.Core.Moderation;

public enum ReportTarget { Post, Comment, User }

public enum ReportStatus { Open, Resolved, Dismissed }

/// <summary>A player's report of a post, comment or user; lands in the moderation queue.</summary>
public sealed class Report
{
    public const int ReasonMaxLength = 50;
    public const int DetailsMaxLength = 1_000;

    private Report() { } // for EF Core

    public Guid Id { get; private set; }
    public ReportTarget TargetKind { get; private set; }

    /// <summary>The post's, comment's or user's id.</summary>
    public Guid TargetId { get; private set; }
    public UserId ReporterId { get; private set; }
    public string Reason { get; private set; } = "";
    public string Details { get; private set; } = "";
    public ReportStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public UserId? ResolvedById { get; private set; }

    internal static Report Create(ReportTarget kind, Guid target, UserId reporter, string reason, string details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), TargetKind = kind, TargetId = target, ReporterId = reporter, Reason = reason, Details = details,
        Status = ReportStatus.Open, CreatedAt = now,
    };

    internal void Close(ReportStatus status, UserId moderator, DateTimeOffset now)
    {
        Status = status;
        ResolvedById = moderator;
        ResolvedAt = now;
    }
}

public enum SanctionKind { Warning, Suspension, Ban }

/// <summary>A moderator's warning, time-boxed suspension or ban of a user.</summary>
public sealed class UserSanction
{
    public const int ReasonMaxLength = 500;

    private UserSanction() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId UserId { get; private set; }
    public SanctionKind Kind { get; private set; }
    public string Reason { get; private set; } = "";
    public UserId ModeratorId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When a suspension ends (null for warnings and bans).</summary>
    public DateTimeOffset? Until { get; private set; }
    public DateTimeOffset? LiftedAt { get; private set; }

    internal static UserSanction Create(UserId user, SanctionKind kind, string reason, UserId moderator, DateTimeOffset now, DateTimeOffset? until) => new()
    {
        Id = Guid.CreateVersion7(), UserId = user, Kind = kind, Reason = reason, ModeratorId = moderator, CreatedAt = now, Until = until,
    };

    internal void Lift(DateTimeOffset now) => LiftedAt ??= now;

    /// <summary>Whether this stops the user posting and chatting at <paramref name="now"/>.</summary>
    public bool Restricts(DateTimeOffset now) => LiftedAt is null && Kind switch
    {
        SanctionKind.Ban => true,
        SanctionKind.Suspension => Until > now,
        _ => false,
    };
}

/// <summary>One moderator or admin action, for the audit log (append-only).</summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 50;
    public const int DetailsMaxLength = 1_000;

    private AuditEntry() { } // for EF Core

    public long Id { get; private set; }
    public UserId ActorId { get; private set; }
    public string Action { get; private set; } = "";
    public string TargetKind { get; private set; } = "";
    public string TargetId { get; private set; } = "";
    public string Details { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public static AuditEntry Of(UserId actor, string action, string targetKind, string targetId, string details, DateTimeOffset at) => new()
    {
        ActorId = actor, Action = action, TargetKind = targetKind, TargetId = targetId,
        Details = details.Length > DetailsMaxLength ? details[..DetailsMaxLength] : details, At = at,
    };
}
