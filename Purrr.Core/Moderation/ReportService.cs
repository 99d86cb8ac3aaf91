using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Events;
using Purrr.Core.Persistence;

namespace Purrr.Core.Moderation;

/// <summary>The reasons a player can pick when reporting (stored as written; the queue groups by them).</summary>
public static class ReportReasons
{
    public const string Spam = "Spam or advertising";
    public const string Harassment = "Harassment or insults";
    public const string Hate = "Hate speech";
    public const string Inappropriate = "Inappropriate or graphic content";
    public const string AnimalHarm = "Animal cruelty or neglect";
    public const string Impersonation = "Impersonation";
    public const string Other = "Something else";

    public static readonly IReadOnlyList<string> All = [Spam, Harassment, Hate, Inappropriate, AnimalHarm, Impersonation, Other];
}

/// <summary>Players reporting posts, comments and other players to the moderators.</summary>
public sealed class ReportService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus)
{
    public async Task<Result<Guid>> ReportAsync(UserId reporter, ModerationTarget target, string? reason, string? details, CancellationToken ct = default)
    {
        var cleanDetails = (details ?? "").Trim();
        if (reason is null || !ReportReasons.All.Contains(reason))
            return Result<Guid>.Failure("Choose a reason for your report.", "Reason");
        if (cleanDetails.Length > Report.DetailsMaxLength)
            return Result<Guid>.Failure($"Details can be at most {Report.DetailsMaxLength:N0} characters (you wrote {cleanDetails.Length:N0}).", "Details");
        if (reason == ReportReasons.Other && cleanDetails.Length == 0)
            return Result<Guid>.Failure("Tell the moderators what is wrong.", "Details");

        await using var db = await dbFactory.CreateAsync(ct);
        if (await WhyNotReportableAsync(db, reporter, target, ct) is { } problem)
            return Result<Guid>.Failure(problem);
        if (await db.Reports.AnyAsync(r => r.ReporterId == reporter && r.TargetKind == target.Kind && r.TargetId == target.Id && r.Status == ReportStatus.Open, ct))
            return Result<Guid>.Failure("You have already reported this. A moderator will look at it soon.");

        var report = Report.Create(target.Kind, target.Id, reporter, reason, cleanDetails, clock.GetUtcNow());
        db.Reports.Add(report);
        await db.SaveChangesAsync(ct);
        bus.Publish(new ModerationQueueChanged());
        return report.Id;
    }

    /// <summary>Only what the reporter can see can be reported, and nobody reports themselves.</summary>
    private static async Task<string?> WhyNotReportableAsync(IPurrrDb db, UserId reporter, ModerationTarget target, CancellationToken ct)
    {
        switch (target.Kind)
        {
            case ReportTarget.Post:
                var post = await db.Posts.AsNoTracking().Where(p => p.Id == target.Id).Select(p => new { p.AuthorId, p.Status, p.DeletedAt }).FirstOrDefaultAsync(ct);
                if (post is null || post.DeletedAt is not null || post.Status != PostStatus.Published)
                    return "This post is no longer there.";
                return post.AuthorId == reporter ? "You can't report your own post." : null;
            case ReportTarget.Comment:
                var comment = await (from c in db.Comments.AsNoTracking()
                                     join p in db.Posts on c.PostId equals p.Id
                                     where c.Id == target.Id
                                     select new { c.AuthorId, c.DeletedAt, c.Removed, p.Status, PostDeletedAt = p.DeletedAt }).FirstOrDefaultAsync(ct);
                if (comment is null || comment.DeletedAt is not null || comment.Removed || comment.Status != PostStatus.Published || comment.PostDeletedAt is not null)
                    return "This comment is no longer there.";
                return comment.AuthorId == reporter ? "You can't report your own comment." : null;
            default:
                var user = new UserId(target.Id);
                if (user == reporter)
                    return "You can't report yourself.";
                return await db.Players.AnyAsync(p => p.Id == user, ct) ? null : "This player no longer exists.";
        }
    }
}
