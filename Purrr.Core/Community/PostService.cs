using Microsoft.EntityFrameworkCore;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Moderation;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;
using Purrr.Core.Security;

namespace Purrr.Core.Community;

/// <summary>
/// Writing posts: drafts (kept by autosave, so nothing typed is lost), saving, scheduling, publishing, editing,
/// archiving and deleting. Publishing — now or when a schedule falls due — goes through one path: validation, the
/// sanction check, the hourly limit, the content scorer (hold for review) and mention notifications.
/// </summary>
public sealed class PostService(IPurrrDbFactory dbFactory, TimeProvider clock, IRandomSource random, IEventBus bus, PostRenderer renderer,
    ModerationScorer? scorer = null)
{
    private enum Intent { Draft, Schedule, Publish }

    /// <summary>Keeps the post as a draft (a scheduled post goes back to being a draft). Mentions are checked on publishing.</summary>
    public Task<Result<PostSaved>> SaveDraftAsync(UserId author, Guid? post, PostInput input, CancellationToken ct = default) =>
        SaveAsync(author, post, input, Intent.Draft, null, ct);

    /// <summary>Checks the post as publishing would, then leaves it for <see cref="PublishDueAsync"/> to publish at <paramref name="at"/>.</summary>
    public Task<Result<PostSaved>> ScheduleAsync(UserId author, Guid? post, PostInput input, DateTimeOffset at, CancellationToken ct = default) =>
        SaveAsync(author, post, input, Intent.Schedule, at, ct);

    /// <summary>
    /// Publishes a new post or draft, or updates a published one. A post the scorer flags is held for a moderator instead;
    /// players mentioned for the first time are notified.
    /// </summary>
    public Task<Result<PostSaved>> PublishAsync(UserId author, Guid? post, PostInput input, CancellationToken ct = default) =>
        SaveAsync(author, post, input, Intent.Publish, null, ct);

    /// <summary>
    /// Publishes every scheduled post that is due, through <see cref="PublishAsync"/>'s path. A post over its author's
    /// hourly limit waits for the next run; one that can't be published at all goes back to the drafts and its author
    /// is told why.
    /// </summary>
    public async Task<int> PublishDueAsync(CancellationToken ct = default)
    {
        List<(Guid Id, UserId Author)> due;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            var now = clock.GetUtcNow();
            due = (await db.Posts.AsNoTracking()
                    .Where(p => p.Status == PostStatus.Scheduled && p.DeletedAt == null && p.ScheduledFor <= now)
                    .OrderBy(p => p.ScheduledFor).Take(100)
                    .Select(p => new { p.Id, p.AuthorId }).ToListAsync(ct))
                .Select(p => (p.Id, p.AuthorId)).ToList();
        }
        var published = 0;
        foreach (var (id, author) in due)
        {
            var content = await ContentOfAsync(id, ct);
            if (content is null)
                continue;
            var outcome = await PublishAsync(author, id, content, ct);
            if (outcome.Succeeded)
                published++;
            else if (outcome.Problems.All(p => p.Field != LimitField))
                await ReturnToDraftsAsync(id, outcome.FirstMessage, ct);
        }
        return published;
    }

    /// <summary>Takes a published post off the feeds; its author can bring it back.</summary>
    public Task<Result<PostSaved>> ArchiveAsync(UserId author, Guid post, CancellationToken ct = default) =>
        ChangeStatusAsync(author, post, ct, (p, _) =>
            p.Status == PostStatus.Published ? null : new Problem("Only published posts can be archived."),
            p => (PostStatus.Archived, $"“{p.Title}” is archived: only you can find it, under Archived."));

    /// <summary>Brings an archived post back to readers (a return, not a new post: the hourly limit doesn't apply).</summary>
    public Task<Result<PostSaved>> UnarchiveAsync(UserId author, Guid post, CancellationToken ct = default) =>
        ChangeStatusAsync(author, post, ct, (p, restricted) =>
            p.Status != PostStatus.Archived ? new Problem("Only archived posts can be brought back.") : restricted,
            p => (PostStatus.Published, $"“{p.Title}” is published again."));

    /// <summary>Stops a schedule: the post stays as a draft.</summary>
    public Task<Result<PostSaved>> UnscheduleAsync(UserId author, Guid post, CancellationToken ct = default) =>
        ChangeStatusAsync(author, post, ct, (p, _) =>
            p.Status == PostStatus.Scheduled ? null : new Problem("That post isn't scheduled."),
            p => (PostStatus.Draft, $"“{p.Title}” is no longer scheduled; it's in your drafts."));

    /// <summary>Deletes a post for its author (soft: gone from every list, kept for moderation and export).</summary>
    public async Task<Result<PostSaved>> DeleteAsync(UserId author, Guid post, CancellationToken ct = default)
    {
        return await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var row = await db.Posts.FirstOrDefaultAsync(p => p.Id == post && p.DeletedAt == null, ct);
            if (WhyCannotTouch(row, author) is { } problem)
                return Result<PostSaved>.Failure(problem.Message);
            row!.SoftDelete(clock.GetUtcNow());
            await db.EditorDrafts.Where(d => d.AuthorId == author && d.PostId == post).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            return new PostSaved(row.Id, row.Slug, row.Status, $"“{row.Title}” is deleted.");
        });
    }

    /// <summary>The post as its author edits it; refused for anyone else.</summary>
    public async Task<Result<PostForEditing>> GetForEditingAsync(UserId author, string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var post = await db.Posts.AsNoTracking().Include(p => p.Tags).FirstOrDefaultAsync(p => p.Slug == slug && p.DeletedAt == null, ct);
        if (post is not null && post.AuthorId != author && post.Status != PostStatus.Published)
            post = null; // someone else's draft (or any post readers cannot see) looks missing, like a private cat
        if (WhyCannotTouch(post, author) is { } problem)
            return Result<PostForEditing>.Failure(problem.Message);
        if (post!.Status == PostStatus.Removed)
            return Result<PostForEditing>.Failure("A moderator removed this post, so it can't be edited.");
        if (post.Status == PostStatus.Archived)
            return Result<PostForEditing>.Failure("This post is archived. Bring it back from My posts to edit it.");
        return new PostForEditing(post.Id, post.Slug, post.Status, ContentOf(post), post.UpdatedAt, post.PublishedAt, post.ScheduledFor);
    }

    /// <summary>The author's posts with one status, most recently changed first.</summary>
    public async Task<IReadOnlyList<MyPost>> MineAsync(UserId author, PostStatus status, int skip = 0, int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var posts = await db.Posts.AsNoTracking().Include(p => p.Tags)
            .Where(p => p.AuthorId == author && p.DeletedAt == null && p.Status == status)
            .OrderByDescending(p => p.UpdatedAt).Skip(skip).Take(take)
            .ToListAsync(ct);
        return [.. posts.Select(p => new MyPost(p.Id, p.Slug, p.Title, p.Status, p.UpdatedAt, p.PublishedAt, p.ScheduledFor, p.ReadingMinutes, p.Views,
            [.. p.Tags.Select(t => t.Tag).Order()]))];
    }

    /// <summary>How many posts the author has in each status (deleted ones not counted).</summary>
    public async Task<IReadOnlyDictionary<PostStatus, int>> CountMineAsync(UserId author, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Posts.AsNoTracking().Where(p => p.AuthorId == author && p.DeletedAt == null)
            .GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>
    /// Autosave: keeps what the editor holds for this author and post (<paramref name="post"/> null: a post not saved
    /// yet), even when it breaks a limit, so nothing typed is lost. Returns when it was kept.
    /// </summary>
    public async Task<Result<DateTimeOffset>> AutosaveAsync(UserId author, Guid? post, PostInput content, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (post is { } id && !await db.Posts.AnyAsync(p => p.Id == id && p.AuthorId == author && p.DeletedAt == null, ct))
            return Result<DateTimeOffset>.Failure("You can only keep drafts of your own posts.");
        var now = clock.GetUtcNow();
        var draft = await db.EditorDrafts.Where(d => d.AuthorId == author && d.PostId == post).OrderByDescending(d => d.SavedAt).FirstOrDefaultAsync(ct);
        if (draft is null)
            db.EditorDrafts.Add(draft = EditorDraft.Start(author, post));
        draft.Keep(content.Title ?? "", content.Body ?? "", content.Excerpt ?? "", string.Join(',', content.Tags ?? []), content.CoverImageId, now);
        await db.SaveChangesAsync(ct);
        return now;
    }

    /// <summary>The newest autosaved draft for this author and post, if any.</summary>
    public async Task<SavedDraft?> DraftAsync(UserId author, Guid? post, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var draft = await db.EditorDrafts.AsNoTracking().Where(d => d.AuthorId == author && d.PostId == post)
            .OrderByDescending(d => d.SavedAt).FirstOrDefaultAsync(ct);
        return draft is null ? null : new SavedDraft(
            new PostInput(draft.Title, draft.Body, draft.Excerpt, draft.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries), draft.CoverImageId),
            draft.SavedAt);
    }

    /// <summary>Forgets the autosaved draft (the author chose not to restore it).</summary>
    public async Task DiscardDraftAsync(UserId author, Guid? post, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await db.EditorDrafts.Where(d => d.AuthorId == author && d.PostId == post).ExecuteDeleteAsync(ct);
    }

    /// <summary>Players whose username starts with <paramref name="prefix"/>, for the @mention autocomplete.</summary>
    public async Task<IReadOnlyList<UserSuggestion>> SuggestUsersAsync(string? prefix, int take = 8, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(prefix) || prefix.Length > 20 || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            return [];
        var pattern = prefix.Replace("\\", "\\\\").Replace("_", "\\_").Replace("%", "\\%") + "%";
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Players.AsNoTracking().Where(p => EF.Functions.Like(p.UserName, pattern, "\\"))
            .OrderBy(p => p.UserName).Take(take)
            .Select(p => new UserSuggestion(p.UserName, p.DisplayName)).ToListAsync(ct);
    }

    /// <summary>The author's cats for the embed picker; private ones can't be shown to readers.</summary>
    public async Task<IReadOnlyList<EmbeddableCat>> EmbeddableCatsAsync(UserId author, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Cats.AsNoTracking().Where(c => c.OwnerId == author).OrderBy(c => c.Name)
            .Select(c => new EmbeddableCat(c.Id, c.Name, c.Genome, c.IsPublic)).ToListAsync(ct);
    }

    /// <summary>Cards for embedded cats: public cats only (a private or released cat shows as unavailable).</summary>
    public async Task<IReadOnlyDictionary<CatId, CatSummary>> CatCardsAsync(IReadOnlyCollection<CatId> cats, CancellationToken ct = default)
    {
        if (cats.Count == 0)
            return new Dictionary<CatId, CatSummary>();
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await db.Cats.AsNoTracking().Where(c => cats.Contains(c.Id) && c.IsPublic)
            .Join(db.Players, c => c.OwnerId, p => p.Id, (c, p) => new { Cat = c, OwnerName = p.DisplayName })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Cat.Id, r => CatSummary.Of(r.Cat, r.OwnerName));
    }

    /// <summary>
    /// Adds a Mention notification for each existing player <paramref name="post"/> mentions who was not mentioned in
    /// <paramref name="previousBody"/> (the body readers saw before, if any), except the author. Call it in the save that
    /// makes the post visible (e.g. a moderator releasing a held post), then publish <see cref="NotificationAdded"/> for
    /// the players returned.
    /// </summary>
    public async Task<IReadOnlyList<UserId>> AddMentionNotificationsAsync(IPurrrDb db, Post post, string? previousBody, DateTimeOffset now, CancellationToken ct = default)
    {
        var before = renderer.Render(previousBody).Mentions.Select(m => m.ToUpperInvariant()).ToHashSet();
        var fresh = renderer.Render(post.Body).Mentions.Where(m => !before.Contains(m.ToUpperInvariant())).ToList();
        if (fresh.Count == 0)
            return [];
        var found = await FindPlayersAsync(db, fresh, ct);
        var authorName = await db.Players.Where(p => p.Id == post.AuthorId).Select(p => p.DisplayName).FirstOrDefaultAsync(ct) ?? "Someone";
        var recipients = new List<UserId>();
        foreach (var recipient in found.Values.Distinct())
            if (await Notify.AddAsync(db, recipient, NotificationType.Mention, $"{authorName} mentioned you in “{post.Title}”",
                    PostLinks.Post(post.Slug), post.AuthorId, now, ct))
                recipients.Add(recipient);
        return recipients;
    }

    private const string LimitField = "limit";

    private async Task<Result<PostSaved>> SaveAsync(UserId author, Guid? postId, PostInput input, Intent intent, DateTimeOffset? at, CancellationToken ct)
    {
        var valid = PostRules.Validate(input, forReaders: intent != Intent.Draft);
        if (!valid.Succeeded)
            return Result<PostSaved>.Failure(valid.Problems);
        var content = valid.Value;
        var mentions = renderer.Render(content.Body).Mentions;
        IReadOnlyList<UserId> notified = [];
        // Scored before the save (a hosted model may take a moment): the configured model, the offline scorer by default.
        var score = intent is Intent.Draft or Intent.Schedule ? null : await (scorer ?? ModerationScorer.Offline).ScoreAsync(content.Title + "\n" + content.Body, ct);

        var saved = await Conflicts.RetryAsync(async () =>
        {
            notified = [];
            await using var db = await dbFactory.CreateAsync(ct);
            var now = clock.GetUtcNow();
            Post? post = null;
            if (postId is { } id)
            {
                post = await db.Posts.Include(p => p.Tags).FirstOrDefaultAsync(p => p.Id == id && p.DeletedAt == null, ct);
                if (WhyCannotTouch(post, author) is { } problem)
                    return Result<PostSaved>.Failure(problem.Message);
                if (WhyCannotEdit(post!, intent) is { } refused)
                    return Result<PostSaved>.Failure(refused.Message);
            }
            if (intent != Intent.Draft)
            {
                if (await Sanctions.WhyRestrictedAsync(db, author, now, ct) is { } restricted)
                    return Result<PostSaved>.Failure(restricted.Message);
                if (await WhyMentionsFailAsync(db, mentions, ct) is { } badMention)
                    return Result<PostSaved>.Failure(badMention.Message, "body");
                if (intent == Intent.Schedule && PostRules.WhyCannotSchedule(at!.Value, now) is { } badTime)
                    return Result<PostSaved>.Failure(badTime.Message, badTime.Field);
                if (intent == Intent.Publish && post?.HasGoneOut != true
                    && PostRules.WhyOverPostingLimit(await PostedInWindowAsync(db, author, now, ct)) is { } overLimit)
                {
                    db.SecurityEvents.Add(SecurityEvent.Create(SecurityEventType.RateLimited, author, null, RateLimitPolicy.Posting.Exceeded, now));
                    await db.SaveChangesAsync(ct); // only the log line: nothing of the post was changed yet
                    return Result<PostSaved>.Failure(overLimit.Message, LimitField);
                }
            }

            if (post is null)
            {
                post = Post.Create(author, PostRules.NewSlug(content.Title, random), now);
                db.Posts.Add(post);
            }
            else if (!post.HasGoneOut && !PostRules.SlugFits(post.Slug, content.Title))
            {
                post.SetSlug(PostRules.NewSlug(content.Title, random));
            }
            var readersSaw = post.Status == PostStatus.Published ? post.Body : null;
            post.SetContent(content.Title, content.Body, content.Excerpt, content.CoverImageId, content.Tags, PostRules.ReadingMinutes(content.Body), now);

            string message;
            switch (intent)
            {
                case Intent.Draft:
                    post.SetStatus(PostStatus.Draft, now);
                    message = "Draft saved.";
                    break;
                case Intent.Schedule:
                    post.SetStatus(PostStatus.Scheduled, now, at);
                    message = "Scheduled.";
                    break;
                default:
                    if (score!.ShouldHold)
                    {
                        post.SetStatus(PostStatus.Held, now, score: score.Value);
                        message = "Your post is waiting for a moderator to review it before others can see it.";
                    }
                    else
                    {
                        var wasOut = post.Status == PostStatus.Published;
                        post.SetStatus(PostStatus.Published, now, score: score.Value);
                        notified = await AddMentionNotificationsAsync(db, post, readersSaw, now, ct);
                        message = wasOut ? "Post updated." : "Published!";
                    }
                    break;
            }
            await db.EditorDrafts.Where(d => d.AuthorId == author && (d.PostId == post.Id || (postId == null && d.PostId == null))).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            return new PostSaved(post.Id, post.Slug, post.Status, message);
        });
        if (saved.Succeeded)
        {
            foreach (var recipient in notified)
                bus.Publish(new NotificationAdded(recipient));
        }
        return saved;
    }

    /// <summary>What <see cref="GetForEditingAsync"/> answers for a post that is not there for this player (the page shows a 404).</summary>
    public const string MissingMessage = "That post doesn't exist (or was deleted).";

    private static Problem? WhyCannotTouch(Post? post, UserId author) =>
        post is null ? new Problem(MissingMessage)
        : post.AuthorId != author ? new Problem("You can only change your own posts.")
        : null;

    private static Problem? WhyCannotEdit(Post post, Intent intent) => post.Status switch
    {
        PostStatus.Removed => new("A moderator removed this post, so it can't be changed."),
        PostStatus.Archived => new("This post is archived. Bring it back from My posts to edit it."),
        PostStatus.Published or PostStatus.Held when intent == Intent.Draft => new("This post is already out; it can't go back to being a draft. Update it, or archive it."),
        PostStatus.Published or PostStatus.Held when intent == Intent.Schedule => new("This post is already out, so it can't be scheduled."),
        _ => null,
    };

    private async Task<Result<PostSaved>> ChangeStatusAsync(UserId author, Guid postId, CancellationToken ct,
        Func<Post, Problem?, Problem?> whyNot, Func<Post, (PostStatus Status, string Message)> change) =>
        await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var now = clock.GetUtcNow();
            var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId && p.DeletedAt == null, ct);
            if (WhyCannotTouch(post, author) is { } problem)
                return Result<PostSaved>.Failure(problem.Message);
            if (whyNot(post!, await Sanctions.WhyRestrictedAsync(db, author, now, ct)) is { } refused)
                return Result<PostSaved>.Failure(refused.Message);
            var (status, message) = change(post!);
            post!.SetStatus(status, now);
            await db.SaveChangesAsync(ct);
            return new PostSaved(post.Id, post.Slug, post.Status, message);
        });

    // Published within the hour (whatever happened to them since), and held for review within the hour.
    private static Task<int> PostedInWindowAsync(IPurrrDb db, UserId author, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - PostRules.PostingWindow;
        return db.Posts.CountAsync(p => p.AuthorId == author
            && (p.PublishedAt >= since || (p.Status == PostStatus.Held && p.PublishedAt == null && p.UpdatedAt >= since)), ct);
    }

    private static async Task<Problem?> WhyMentionsFailAsync(IPurrrDb db, IReadOnlyList<string> mentions, CancellationToken ct)
    {
        if (mentions.Count == 0)
            return null;
        if (mentions.Count > PostRules.MaxMentions)
            return new($"A post can mention at most {PostRules.MaxMentions} players (this one mentions {mentions.Count}).");
        var found = await FindPlayersAsync(db, mentions, ct);
        var missing = mentions.Where(m => !found.ContainsKey(m.ToUpperInvariant())).ToList();
        return missing.Count switch
        {
            0 => null,
            1 => new($"There is no player called @{missing[0]}. Check the spelling, or remove the @."),
            _ => new($"There are no players called {string.Join(", ", missing.Select(m => "@" + m))}. Check the spelling, or remove the @."),
        };
    }

    /// <summary>Players by username, case-insensitive; keyed by the upper-cased name.</summary>
    private static async Task<Dictionary<string, UserId>> FindPlayersAsync(IPurrrDb db, IReadOnlyList<string> names, CancellationToken ct)
    {
        var upper = names.Select(n => n.ToUpperInvariant()).Distinct().ToList();
        var rows = await db.Players.AsNoTracking().Where(p => upper.Contains(p.UserName.ToUpper()))
            .Select(p => new { p.Id, p.UserName }).ToListAsync(ct);
        return rows.ToDictionary(r => r.UserName.ToUpperInvariant(), r => r.Id);
    }

    private async Task<PostInput?> ContentOfAsync(Guid post, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var row = await db.Posts.AsNoTracking().Include(p => p.Tags).FirstOrDefaultAsync(p => p.Id == post, ct);
        return row is null ? null : ContentOf(row);
    }

    private static PostInput ContentOf(Post post) =>
        new(post.Title, post.Body, post.Excerpt, [.. post.Tags.Select(t => t.Tag).Order()], post.CoverImageId);

    // A scheduled post that can never be published as it stands goes back to the drafts, and its author learns why.
    private async Task ReturnToDraftsAsync(Guid postId, string reason, CancellationToken ct)
    {
        UserId? author = null;
        await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var now = clock.GetUtcNow();
            var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId && p.Status == PostStatus.Scheduled, ct);
            if (post is null)
                return Result<bool>.Success(false);
            post.SetStatus(PostStatus.Draft, now);
            await Notify.AddAsync(db, post.AuthorId, NotificationType.System,
                $"“{post.Title}” couldn't be published as scheduled: {reason} It's back in your drafts.",
                $"{PostLinks.Post(post.Slug)}/edit", null, now, ct);
            await db.SaveChangesAsync(ct);
            author = post.AuthorId;
            return Result<bool>.Success(true);
        });
        if (author is { } recipient)
            bus.Publish(new NotificationAdded(recipient));
    }
}
