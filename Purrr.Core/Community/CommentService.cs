using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Moderation;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;

namespace Purrr.Core.Community;

/// <summary>What a comment may say.</summary>
public static class CommentRules
{
    /// <summary>The body as stored (trimmed), or why it can't be.</summary>
    public static Result<string> Clean(string? body)
    {
        var text = (body ?? "").Trim();
        if (text.Length == 0)
            return Result<string>.Failure("Write something before sending your comment.", "Body");
        if (text.Length > Comment.BodyMaxLength)
            return Result<string>.Failure($"A comment can be at most {Comment.BodyMaxLength:N0} characters; this one has {text.Length:N0}.", "Body");
        return text;
    }
}

/// <summary>
/// Comments on posts: threaded replies, edits and soft deletes by their authors. The post's author hears of a new
/// comment, a comment's author of a reply; open pages of the post refresh.
/// </summary>
public sealed class CommentService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus)
{
    /// <summary>Adds a comment to a post, or a reply to <paramref name="parent"/>; returns the new comment's id.</summary>
    public async Task<Result<Guid>> AddAsync(UserId author, Guid post, Guid? parent, string? body, CancellationToken ct = default)
    {
        var clean = CommentRules.Clean(body);
        if (!clean.Succeeded)
            return Result<Guid>.Failure(clean.Problems);
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        if (await Sanctions.WhyRestrictedAsync(db, author, now, ct) is { } restricted)
            return Result<Guid>.Failure(restricted.Message);
        var target = await db.Posts.Visible().Where(p => p.Id == post).Select(p => new { p.Id, p.AuthorId, p.Title, p.Slug }).FirstOrDefaultAsync(ct);
        if (target is null)
            return Result<Guid>.Failure("This post isn't available.");
        UserId? repliedTo = null;
        if (parent is { } parentId)
        {
            var replyTo = await db.Comments.Where(c => c.Id == parentId && c.PostId == post).Select(c => new { c.AuthorId, c.DeletedAt, c.Removed }).FirstOrDefaultAsync(ct);
            if (replyTo is null || replyTo.DeletedAt is not null || replyTo.Removed)
                return Result<Guid>.Failure("The comment you're replying to isn't there any more.");
            repliedTo = replyTo.AuthorId;
        }

        var comment = Comment.Create(post, parent, author, clean.Value, now);
        db.Comments.Add(comment);
        var name = await db.Players.Where(p => p.Id == author).Select(p => p.DisplayName).FirstAsync(ct);
        var link = PostLinks.Comment(target.Slug, comment.Id);
        var told = new List<UserId>();
        if (repliedTo is { } parentAuthor && await Notify.AddAsync(db, parentAuthor, NotificationType.CommentReply,
                $"{name} replied to your comment on “{target.Title}”: {Snippet(clean.Value)}", link, author, now, ct))
            told.Add(parentAuthor);
        if (!told.Contains(target.AuthorId) && await Notify.AddAsync(db, target.AuthorId, NotificationType.PostComment,
                $"{name} commented on “{target.Title}”: {Snippet(clean.Value)}", link, author, now, ct))
            told.Add(target.AuthorId);
        await db.SaveChangesAsync(ct);

        bus.Publish(new PostEngagementChanged(post));
        Notify.Announce(bus, told);
        return comment.Id;
    }

    /// <summary>The author rewrites their comment.</summary>
    public async Task<Result<bool>> EditAsync(UserId author, Guid commentId, string? body, CancellationToken ct = default)
    {
        var clean = CommentRules.Clean(body);
        if (!clean.Succeeded)
            return Result<bool>.Failure(clean.Problems);
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (Problem(comment, author) is { } problem)
            return Result<bool>.Failure(problem);
        if (!await db.Posts.Visible().AnyAsync(p => p.Id == comment!.PostId, ct))
            return Result<bool>.Failure("This post isn't available.");
        if (await Sanctions.WhyRestrictedAsync(db, author, now, ct) is { } restricted)
            return Result<bool>.Failure(restricted.Message);
        if (comment!.Body == clean.Value)
            return true;
        comment.Edit(clean.Value, now);
        await db.SaveChangesAsync(ct);
        bus.Publish(new PostEngagementChanged(comment.PostId));
        return true;
    }

    /// <summary>The author deletes their comment: its words go, its replies stay.</summary>
    public async Task<Result<bool>> DeleteAsync(UserId author, Guid commentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (Problem(comment, author) is { } problem)
            return Result<bool>.Failure(problem);
        comment!.SoftDelete(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        bus.Publish(new PostEngagementChanged(comment.PostId));
        return true;
    }

    /// <summary>Why the player can't comment right now (a suspension or ban), or null: the page says so instead of offering the box.</summary>
    public async Task<string?> WhyCannotCommentAsync(UserId player, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return (await Sanctions.WhyRestrictedAsync(db, player, clock.GetUtcNow(), ct))?.Message;
    }

    /// <summary>The post's comments as threads (see <see cref="CommentThread.Build"/>).</summary>
    public async Task<IReadOnlyList<CommentNode>> ThreadAsync(Guid post, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await (from c in db.Comments.AsNoTracking()
                          join p in db.Players on c.AuthorId equals p.Id
                          where c.PostId == post
                          select new CommentRow(c.Id, c.ParentId, new PlayerName(p.Id, p.UserName, p.DisplayName), c.Body, c.CreatedAt, c.EditedAt,
                              c.DeletedAt != null, c.Removed)).ToListAsync(ct);
        return CommentThread.Build(rows);
    }

    private static string? Problem(Comment? comment, UserId author) => comment switch
    {
        null => "This comment isn't there any more.",
        { DeletedAt: not null } => "This comment was deleted.",
        { Removed: true } => "A moderator removed this comment.",
        _ when comment.AuthorId != author => "You can only change your own comments.",
        _ => null,
    };

    /// <summary>The start of a comment on one line, for a notification.</summary>
    private static string Snippet(string body)
    {
        var line = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 80 ? line : line[..79] + "…";
    }
}
