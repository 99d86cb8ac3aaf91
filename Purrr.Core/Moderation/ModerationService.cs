using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Events;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;

namespace Purrr.Core.Moderation;

/// <summary>
/// What moderators do (spec §8): work through reported content and held posts, remove or restore it, approve held
/// posts, dismiss reports, warn, suspend or ban users and lift sanctions. Every action writes an <see cref="AuditEntry"/>
/// in the same save, and the author hears about it through a System notification. Pages check the Moderator or Admin
/// role; this service trusts its caller on that.
/// </summary>
public sealed class ModerationService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus, PostService posts)
{
    public const int ReasonMaxLength = UserSanction.ReasonMaxLength;

    /// <summary>How much of a post, comment or bio the queue shows.</summary>
    public const int PreviewLength = 600;

    // ---- The queue ----------------------------------------------------------------------------------------------

    /// <summary>Reported posts, comments and users with open reports: the most reported first, then the oldest.</summary>
    public async Task<Paged<QueueItem>> ReportedAsync(int page, int pageSize = 10, CancellationToken ct = default)
    {
        (page, pageSize) = (Math.Max(1, page), Math.Clamp(pageSize, 1, 100));
        await using var db = await dbFactory.CreateAsync(ct);
        var targets = db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Open)
            .GroupBy(r => new { r.TargetKind, r.TargetId })
            .Select(g => new { g.Key.TargetKind, g.Key.TargetId, Count = g.Count(), First = g.Min(r => r.CreatedAt) });
        var total = await targets.CountAsync(ct);
        var onPage = await targets.OrderByDescending(t => t.Count).ThenBy(t => t.First)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = await DescribeAsync(db, [.. onPage.Select(t => new ModerationTarget(t.TargetKind, t.TargetId))], ct);
        return new Paged<QueueItem>(items, total, page, pageSize);
    }

    /// <summary>Posts the scorer held for review, the longest waiting first.</summary>
    public async Task<Paged<QueueItem>> HeldAsync(int page, int pageSize = 10, CancellationToken ct = default)
    {
        (page, pageSize) = (Math.Max(1, page), Math.Clamp(pageSize, 1, 100));
        await using var db = await dbFactory.CreateAsync(ct);
        var held = db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Held && p.DeletedAt == null);
        var total = await held.CountAsync(ct);
        var ids = await held.OrderBy(p => p.UpdatedAt).Skip((page - 1) * pageSize).Take(pageSize).Select(p => p.Id).ToListAsync(ct);
        var items = await DescribeAsync(db, [.. ids.Select(ModerationTarget.Post)], ct);
        return new Paged<QueueItem>(items, total, page, pageSize);
    }

    /// <summary>The sanction restricting <paramref name="user"/> now (for their banner), or null.</summary>
    public async Task<SanctionView?> RestrictionOfAsync(UserId user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Sanctions.ActiveRestrictionAsync(db, user, clock.GetUtcNow(), ct) is { } active ? SanctionView.Of(active) : null;
    }

    // ---- Content ------------------------------------------------------------------------------------------------

    /// <summary>Takes a post or comment down (its open reports are resolved); optionally sanctions its author in the same save.</summary>
    public Task<Result<string>> RemoveAsync(UserId moderator, ModerationTarget target, string? reason, SanctionRequest? sanctionAuthor = null,
        CancellationToken ct = default) =>
        ActAsync(async (db, now) =>
        {
            var why = Reason(reason, required: true);
            if (!why.Succeeded)
                return Failed(why.FirstMessage);
            Outcome outcome;
            switch (target.Kind)
            {
                case ReportTarget.Post:
                    var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == target.Id, ct);
                    if (post is null)
                        return Failed("That post no longer exists.");
                    if (post.Status == PostStatus.Removed)
                        return Failed("That post is already removed.");
                    post.SetStatus(PostStatus.Removed, now);
                    var closed = await CloseReportsAsync(db, target, ReportStatus.Resolved, moderator, now, ct);
                    db.AuditLog.Add(AuditEntry.Of(moderator, AuditActions.RemovePost, "Post", post.Id.ToString(), Detail(why.Value, closed), now));
                    db.Notifications.Add(Notification.Create(post.AuthorId, NotificationType.System,
                        $"A moderator removed your post “{post.Title}”: {why.Value}", null, null, now));
                    outcome = new Outcome("Post removed.", post.AuthorId, Moderated: target);
                    break;
                case ReportTarget.Comment:
                    var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == target.Id, ct);
                    if (comment is null)
                        return Failed("That comment no longer exists.");
                    if (comment.Removed)
                        return Failed("That comment is already removed.");
                    comment.SetRemoved(true);
                    var on = await db.Posts.Where(p => p.Id == comment.PostId).Select(p => p.Title).FirstAsync(ct);
                    var closedOnComment = await CloseReportsAsync(db, target, ReportStatus.Resolved, moderator, now, ct);
                    db.AuditLog.Add(AuditEntry.Of(moderator, AuditActions.RemoveComment, "Comment", comment.Id.ToString(), Detail(why.Value, closedOnComment), now));
                    db.Notifications.Add(Notification.Create(comment.AuthorId, NotificationType.System,
                        $"A moderator removed your comment on “{on}”: {why.Value}", null, null, now));
                    outcome = new Outcome("Comment removed.", comment.AuthorId, Moderated: target);
                    break;
                default:
                    return Failed("A player can't be removed: warn, suspend or ban them instead.");
            }
            if (sanctionAuthor is null)
                return outcome;
            var sanctioned = await AddSanctionAsync(db, moderator, outcome.Notified!.Value, sanctionAuthor, why.Value, now, ct);
            return sanctioned.Succeeded
                ? outcome with { Message = $"{outcome.Message} {sanctioned.Value.Message}", Sanctioned = sanctioned.Value.Sanctioned }
                : Failed(sanctioned.FirstMessage);
        }, ct);

    /// <summary>Puts a removed post or comment back where it was shown.</summary>
    public Task<Result<string>> RestoreAsync(UserId moderator, ModerationTarget target, string? note, CancellationToken ct = default) =>
        ActAsync(async (db, now) =>
        {
            var why = Reason(note, required: false);
            if (!why.Succeeded)
                return Failed(why.FirstMessage);
            switch (target.Kind)
            {
                case ReportTarget.Post:
                    var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == target.Id, ct);
                    if (post is null)
                        return Failed("That post no longer exists.");
                    if (post.Status != PostStatus.Removed)
                        return Failed("Only a removed post can be restored.");
                    post.SetStatus(PostStatus.Published, now);
                    db.AuditLog.Add(AuditEntry.Of(moderator, AuditActions.RestorePost, "Post", post.Id.ToString(), why.Value, now));
                    db.Notifications.Add(Notification.Create(post.AuthorId, NotificationType.System,
                        $"A moderator restored your post “{post.Title}”.", ContentLinks.Post(post.Slug), null, now));
                    return new Outcome("Post restored.", post.AuthorId, Moderated: target);
                case ReportTarget.Comment:
                    var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == target.Id, ct);
                    if (comment is null)
                        return Failed("That comment no longer exists.");
                    if (!comment.Removed)
                        return Failed("Only a removed comment can be restored.");
                    comment.SetRemoved(false);
                    var on = await db.Posts.Where(p => p.Id == comment.PostId).Select(p => new { p.Title, p.Slug }).FirstAsync(ct);
                    db.AuditLog.Add(AuditEntry.Of(moderator, AuditActions.RestoreComment, "Comment", comment.Id.ToString(), why.Value, now));
                    db.Notifications.Add(Notification.Create(comment.AuthorId, NotificationType.System,
                        $"A moderator restored your comment on “{on.Title}”.", ContentLinks.Comment(on.Slug, comment.Id), null, now));
                    return new Outcome("Comment restored.", comment.AuthorId, Moderated: target);
                default:
                    return Failed("Only posts and comments can be restored.");
            }
        }, ct);

    /// <summary>Publishes a post the scorer held; its open reports are dismissed.</summary>
    public Task<Result<string>> ApproveAsync(UserId moderator, Guid postId, string? note, CancellationToken ct = default) =>
        ActAsync(async (db, now) =>
        {
            var why = Reason(note, required: false);
            if (!why.Succeeded)
                return Failed(why.FirstMessage);
            var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId, ct);
            if (post is null || post.DeletedAt is not null)
                return Failed("That post no longer exists.");
            if (post.Status != PostStatus.Held)
                return Failed("Only a post held for review can be approved.");
            post.SetStatus(PostStatus.Published, now);
            var target = ModerationTarget.Post(post.Id);
            var dismissed = await CloseReportsAsync(db, target, ReportStatus.Dismissed, moderator, now, ct);
            db.AuditLog.Add(AuditEntry.Of(moderator, AuditActions.ApprovePost, "Post", post.Id.ToString(), Detail(why.Value, dismissed), now));
            db.Notifications.Add(Notification.Create(post.AuthorId, NotificationType.System,
                $"A moderator approved your post “{post.Title}”: it is published now.", ContentLinks.Post(post.Slug), null, now));
            // Readers see it only now, so only now are the players it mentions told.
            var mentioned = await posts.AddMentionNotificationsAsync(db, post, null, now, ct);
            return new Outcome("Post approved and published.", post.AuthorId, Moderated: target, AlsoNotified: mentioned);
        }, ct);

    /// <summary>Closes the open reports on something as unfounded; the content stays as it is.</summary>
    public Task<Result<string>> DismissAsync(UserId moderator, ModerationTarget target, string? note, CancellationToken ct = default) =>
        ActAsync(async (db, now) =>
        {
            var why = Reason(note, required: false);
            if (!why.Succeeded)
                return Failed(why.FirstMessage);
            var dismissed = await CloseReportsAsync(db, target, ReportStatus.Dismissed, moderator, now, ct);
            if (dismissed == 0)
                return Failed("There are no open reports on this any more.");
            db.AuditLog.Add(AuditEntry.Of(moderator, AuditActions.DismissReports, target.Kind.ToString(), target.Id.ToString(),
                Detail(why.Value, dismissed), now));
            return new Outcome(dismissed == 1 ? "Report dismissed." : $"{dismissed} reports dismissed.");
        }, ct);

    // ---- Users --------------------------------------------------------------------------------------------------

    /// <summary>Warns, suspends or bans a user; their open reports are resolved and they are told why.</summary>
    public Task<Result<string>> SanctionAsync(UserId moderator, UserId user, SanctionRequest request, string? reason, CancellationToken ct = default) =>
        ActAsync(async (db, now) =>
        {
            var why = Reason(reason, required: true);
            if (!why.Succeeded)
                return Failed(why.FirstMessage);
            var sanctioned = await AddSanctionAsync(db, moderator, user, request, why.Value, now, ct);
            return sanctioned.Succeeded ? sanctioned.Value : Failed(sanctioned.FirstMessage);
        }, ct);

    /// <summary>Ends a suspension or ban early.</summary>
    public Task<Result<string>> LiftAsync(UserId moderator, Guid sanctionId, string? note, CancellationToken ct = default) =>
        ActAsync(async (db, now) =>
        {
            var why = Reason(note, required: false);
            if (!why.Succeeded)
                return Failed(why.FirstMessage);
            var sanction = await db.UserSanctions.FirstOrDefaultAsync(s => s.Id == sanctionId, ct);
            if (sanction is null || !sanction.Restricts(now))
                return Failed("That sanction is no longer in force.");
            sanction.Lift(now);
            var what = sanction.Kind == SanctionKind.Ban ? "ban" : "suspension";
            db.AuditLog.Add(AuditEntry.Of(moderator, AuditActions.Lift, "User", sanction.UserId.ToString(),
                $"Lifted the {what} ({sanction.Reason}){(why.Value.Length > 0 ? $": {why.Value}" : "")}", now));
            db.Notifications.Add(Notification.Create(sanction.UserId, NotificationType.System,
                $"A moderator lifted your {what}.", null, null, now));
            return new Outcome($"The {what} is lifted.", sanction.UserId, Sanctioned: sanction.UserId);
        }, ct);

    // ---- The audit log ------------------------------------------------------------------------------------------

    /// <summary>The audit log (or what was done to one user), newest first, with who did it and to what by name.</summary>
    public async Task<Paged<AuditView>> AuditAsync(int page, int pageSize = 25, UserId? about = null, CancellationToken ct = default)
    {
        (page, pageSize) = (Math.Max(1, page), Math.Clamp(pageSize, 1, 100));
        await using var db = await dbFactory.CreateAsync(ct);
        var log = db.AuditLog.AsNoTracking();
        if (about is { } user)
            log = log.Where(e => e.TargetKind == "User" && e.TargetId == user.ToString());
        var total = await log.CountAsync(ct);
        var entries = await log.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);

        var guids = entries.Select(e => Guid.TryParse(e.TargetId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var userIds = entries.Select(e => e.ActorId).Concat(guids.Select(g => new UserId(g))).Distinct().ToList();
        var names = await db.Players.AsNoTracking().Where(p => userIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id.Value, p => p.UserName, ct);
        var posts = await db.Posts.AsNoTracking().Where(p => guids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => new { p.Title, p.Slug }, ct);
        var comments = await (from c in db.Comments.AsNoTracking()
                              join p in db.Posts on c.PostId equals p.Id
                              where guids.Contains(c.Id)
                              select new { c.Id, p.Title, p.Slug }).ToDictionaryAsync(c => c.Id, ct);

        return new Paged<AuditView>([.. entries.Select(e =>
        {
            Guid.TryParse(e.TargetId, out var id);
            var (label, link) = e.TargetKind switch
            {
                "Post" when posts.TryGetValue(id, out var post) => ($"“{post.Title}”", ContentLinks.Post(post.Slug)),
                "Comment" when comments.TryGetValue(id, out var comment) => ($"Comment on “{comment.Title}”", ContentLinks.Comment(comment.Slug, id)),
                "User" when names.TryGetValue(id, out var userName) => ($"@{userName}", ContentLinks.Player(userName)),
                _ => (e.TargetId, (string?)null),
            };
            return new AuditView(e.Id, e.At, names.GetValueOrDefault(e.ActorId.Value, "(deleted account)"), AuditActions.Describe(e.Action),
                e.TargetKind, label, link, e.Details);
        })], total, page, pageSize);
    }

    // ---- How it is done -----------------------------------------------------------------------------------------

    /// <summary>What an action did, for the moderator's message and what to publish after the save.</summary>
    private sealed record Outcome(string Message, UserId? Notified = null, UserId? Sanctioned = null, ModerationTarget? Moderated = null,
        IReadOnlyList<UserId>? AlsoNotified = null);

    private static Result<Outcome> Failed(string message) => Result<Outcome>.Failure(message);

    /// <summary>
    /// Runs one moderator action in one context and one save (the change, its audit entry, closed reports and the
    /// notification together), again if a concurrent edit of the post won the race; then tells open tabs.
    /// </summary>
    private async Task<Result<string>> ActAsync(Func<IPurrrDb, DateTimeOffset, Task<Result<Outcome>>> action, CancellationToken ct)
    {
        var done = await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var outcome = await action(db, clock.GetUtcNow());
            if (outcome.Succeeded)
                await db.SaveChangesAsync(ct);
            return outcome;
        });
        if (!done.Succeeded)
            return Result<string>.Failure(done.Problems);
        var (message, notified, sanctioned, moderated, alsoNotified) = done.Value;
        Notify.Announce(bus, [.. notified is { } recipient ? [recipient] : Array.Empty<UserId>(), .. alsoNotified ?? []]);
        if (sanctioned is { } user)
            bus.Publish(new SanctionsChanged(user));
        if (moderated is { } target)
            bus.Publish(new ContentModerated(target));
        bus.Publish(new ModerationQueueChanged());
        return message;
    }

    private async Task<Result<Outcome>> AddSanctionAsync(IPurrrDb db, UserId moderator, UserId user, SanctionRequest request, string reason,
        DateTimeOffset now, CancellationToken ct)
    {
        if (user == moderator)
            return Failed("You can't sanction yourself.");
        if (request.Problem is { } problem)
            return Failed(problem);
        var name = await db.Players.Where(p => p.Id == user).Select(p => p.UserName).FirstOrDefaultAsync(ct);
        if (name is null)
            return Failed("This player no longer exists.");
        if (request.Kind == SanctionKind.Ban && (await Sanctions.ActiveRestrictionAsync(db, user, now, ct))?.Kind == SanctionKind.Ban)
            return Failed($"@{name} is already banned.");

        var until = request.Kind == SanctionKind.Suspension ? request.Until ?? now + request.Duration : null;
        db.UserSanctions.Add(UserSanction.Create(user, request.Kind, reason, moderator, now, until));
        var closed = await CloseReportsAsync(db, ModerationTarget.User(user), ReportStatus.Resolved, moderator, now, ct);
        var (action, told, done) = request.Kind switch
        {
            SanctionKind.Warning => (AuditActions.Warn, $"A moderator warned you: {reason}", $"@{name} is warned."),
            SanctionKind.Suspension => (AuditActions.Suspend,
                $"You are suspended {request.Span} (you can read, but not post, comment or chat). Reason: {reason}",
                $"@{name} is suspended {request.Span}."),
            _ => (AuditActions.Ban, $"Your account is banned: {reason}", $"@{name} is banned."),
        };
        var length = request.Kind == SanctionKind.Suspension ? $"{char.ToUpperInvariant(request.Span[0])}{request.Span[1..]}: " : "";
        db.AuditLog.Add(AuditEntry.Of(moderator, action, "User", user.ToString(), length + Detail(reason, closed), now));
        db.Notifications.Add(Notification.Create(user, NotificationType.System, told, null, null, now));
        return new Outcome(done, user, user);
    }

    /// <summary>Closes every open report on <paramref name="target"/>; returns how many.</summary>
    private static async Task<int> CloseReportsAsync(IPurrrDb db, ModerationTarget target, ReportStatus status, UserId moderator, DateTimeOffset now,
        CancellationToken ct)
    {
        var open = await db.Reports.Where(r => r.TargetKind == target.Kind && r.TargetId == target.Id && r.Status == ReportStatus.Open).ToListAsync(ct);
        foreach (var report in open)
            report.Close(status, moderator, now);
        return open.Count;
    }

    /// <summary>A moderator's reason: trimmed, at most <see cref="ReasonMaxLength"/>; required where the user is told it.</summary>
    private static Result<string> Reason(string? text, bool required)
    {
        var reason = (text ?? "").Trim();
        if (required && reason.Length == 0)
            return Result<string>.Failure("Give a reason: the player will read it.", "Reason");
        if (reason.Length > ReasonMaxLength)
            return Result<string>.Failure($"A reason can be at most {ReasonMaxLength} characters.", "Reason");
        return reason;
    }

    private static string Detail(string reason, int reports) =>
        (reports switch { 0 => reason, 1 => $"{reason} (1 report closed)", _ => $"{reason} ({reports} reports closed)" }).Trim();

    /// <summary>The queue's view of each target, in the order given (targets that vanished show as missing).</summary>
    private async Task<IReadOnlyList<QueueItem>> DescribeAsync(IPurrrDb db, IReadOnlyList<ModerationTarget> targets, CancellationToken ct)
    {
        if (targets.Count == 0)
            return [];
        var ids = targets.Select(t => t.Id).ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Title, p.Slug, p.Excerpt, p.Body, p.AuthorId, p.Status, p.DeletedAt }).ToDictionaryAsync(p => p.Id, ct);
        var comments = await (from c in db.Comments.AsNoTracking()
                              join p in db.Posts on c.PostId equals p.Id
                              where ids.Contains(c.Id)
                              select new { c.Id, c.Body, c.AuthorId, c.Removed, c.DeletedAt, PostTitle = p.Title, p.Slug }).ToDictionaryAsync(c => c.Id, ct);
        var userIds = posts.Values.Select(p => p.AuthorId).Concat(comments.Values.Select(c => c.AuthorId))
            .Concat(targets.Where(t => t.Kind == ReportTarget.User).Select(t => new UserId(t.Id))).Distinct().ToList();
        var players = await db.Players.AsNoTracking().Where(p => userIds.Contains(p.Id))
            .Select(p => new { p.Id, p.UserName, p.DisplayName, p.Bio }).ToDictionaryAsync(p => p.Id, ct);
        var sanctions = (await db.UserSanctions.AsNoTracking().Where(s => userIds.Contains(s.UserId) && s.LiftedAt == null).ToListAsync(ct))
            .ToLookup(s => s.UserId);
        var reports = (await (from r in db.Reports.AsNoTracking()
                              join p in db.Players on r.ReporterId equals p.Id
                              where r.Status == ReportStatus.Open && ids.Contains(r.TargetId)
                              orderby r.CreatedAt
                              select new { r.Id, r.TargetKind, r.TargetId, p.UserName, r.Reason, r.Details, r.CreatedAt }).ToListAsync(ct))
            .ToLookup(r => new ModerationTarget(r.TargetKind, r.TargetId), r => new ReportView(r.Id, r.UserName, r.Reason, r.Details, r.CreatedAt));
        var now = clock.GetUtcNow();
        QueueUser? UserOf(UserId id) => players.TryGetValue(id, out var p)
            ? new QueueUser(id, p.UserName, p.DisplayName,
                Sanctions.Strongest(sanctions[id], now) is { } restriction ? SanctionView.Of(restriction) : null,
                sanctions[id].Count(s => s.Kind == SanctionKind.Warning))
            : null;

        return [.. targets.Select(target =>
        {
            var itemReports = reports[target].ToList();
            switch (target.Kind)
            {
                case ReportTarget.Post when posts.TryGetValue(target.Id, out var post):
                    var state = post.DeletedAt is not null ? ContentState.DeletedByAuthor : post.Status switch
                    {
                        PostStatus.Published => ContentState.Visible,
                        PostStatus.Held => ContentState.Held,
                        PostStatus.Removed => ContentState.Removed,
                        _ => ContentState.Unpublished,
                    };
                    var score = ContentScorer.Score($"{post.Title}\n{post.Excerpt}\n{post.Body}");
                    return new QueueItem(target, post.Title, Preview(post.Body), ContentLinks.Post(post.Slug), state, UserOf(post.AuthorId), itemReports,
                        score.Value > 0 ? score : null);
                case ReportTarget.Comment when comments.TryGetValue(target.Id, out var comment):
                    var commentState = comment.DeletedAt is not null ? ContentState.DeletedByAuthor : comment.Removed ? ContentState.Removed : ContentState.Visible;
                    var commentScore = ContentScorer.Score(comment.Body);
                    return new QueueItem(target, $"Comment on “{comment.PostTitle}”", Preview(comment.Body), ContentLinks.Comment(comment.Slug, comment.Id),
                        commentState, UserOf(comment.AuthorId), itemReports, commentScore.Value > 0 ? commentScore : null);
                case ReportTarget.User when players.TryGetValue(new UserId(target.Id), out var player):
                    return new QueueItem(target, $"{player.DisplayName} (@{player.UserName})", Preview(player.Bio), ContentLinks.Player(player.UserName),
                        ContentState.Visible, UserOf(player.Id), itemReports, null);
                default:
                    return new QueueItem(target, $"A {target.Kind.ToString().ToLowerInvariant()} that no longer exists", "", null, ContentState.Missing, null,
                        itemReports, null);
            }
        })];
    }

    private static string Preview(string text) => text.Length <= PreviewLength ? text : text[..PreviewLength].TrimEnd() + "…";
}
