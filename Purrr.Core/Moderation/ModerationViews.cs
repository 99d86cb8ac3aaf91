using Purrr.Core.Common;

namespace Purrr.Core.Moderation;

/// <summary>One page of a longer list, and how many there are in all.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Where reported or held content stands now.</summary>
public enum ContentState { Visible, Held, Removed, DeletedByAuthor, Unpublished, Missing }

/// <summary>Something for a moderator to decide on: reported content or a user, or a post the scorer held.</summary>
public sealed record QueueItem(
    ModerationTarget Target,
    string Title,
    string Text,
    string? Link,
    ContentState State,
    QueueUser? Author,
    IReadOnlyList<ReportView> Reports,
    ContentScore? Score)
{
    public bool CanRemove => Target.Kind != ReportTarget.User && State is ContentState.Visible or ContentState.Held or ContentState.Unpublished;
    public bool CanRestore => Target.Kind != ReportTarget.User && State == ContentState.Removed;
    public bool CanApprove => Target.Kind == ReportTarget.Post && State == ContentState.Held;
    public bool CanDismiss => Reports.Count > 0;
}

/// <summary>The author (or reported user), with the sanction restricting them now, if any.</summary>
public sealed record QueueUser(UserId Id, string UserName, string DisplayName, SanctionView? Restriction, int Warnings);

public sealed record ReportView(Guid Id, string ReporterUserName, string Reason, string Details, DateTimeOffset CreatedAt);

public sealed record SanctionView(Guid Id, SanctionKind Kind, string Reason, DateTimeOffset CreatedAt, DateTimeOffset? Until)
{
    public static SanctionView Of(UserSanction s) => new(s.Id, s.Kind, s.Reason, s.CreatedAt, s.Until);
}

/// <summary>One line of the audit log, with names instead of ids.</summary>
public sealed record AuditView(long Id, DateTimeOffset At, string ActorUserName, string Action, string TargetKind, string TargetLabel, string? TargetLink, string Details);

/// <summary>The audit log's action names, and how the log page words them.</summary>
public static class AuditActions
{
    public const string RemovePost = "post.remove";
    public const string RestorePost = "post.restore";
    public const string ApprovePost = "post.approve";
    public const string RemoveComment = "comment.remove";
    public const string RestoreComment = "comment.restore";
    public const string DismissReports = "reports.dismiss";
    public const string Warn = "user.warn";
    public const string Suspend = "user.suspend";
    public const string Ban = "user.ban";
    public const string Lift = "user.lift";
    public const string ChangeRole = "user.role";
    public const string SignOut = "user.sign-out";
    public const string ExportUsers = "users.export";
    public const string ApiTier = "user.api-tier";

    public static string Describe(string action) => action switch
    {
        RemovePost => "Removed a post",
        RestorePost => "Restored a post",
        ApprovePost => "Approved a held post",
        RemoveComment => "Removed a comment",
        RestoreComment => "Restored a comment",
        DismissReports => "Dismissed reports",
        Warn => "Warned a user",
        Suspend => "Suspended a user",
        Ban => "Banned a user",
        Lift => "Lifted a sanction",
        ChangeRole => "Changed a user's role",
        SignOut => "Signed a user out everywhere",
        ExportUsers => "Exported users",
        ApiTier => "Changed a user's API tier",
        _ => action,
    };
}

/// <summary>What a moderator can choose to do with a queue item.</summary>
public enum QueueAction { Remove, Restore, Approve, Dismiss, Sanction, Lift }
