using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Community;

public enum Feed { Following, Latest, Trending }

/// <summary>Where the next page of a feed starts: after this post (its publishing time, and its score in the trending feed).</summary>
public sealed record FeedCursor(DateTimeOffset PublishedAt, Guid PostId, double Score = 0);

/// <summary>A post as a feed shows it.</summary>
public sealed record PostSummary(
    Guid Id,
    string Slug,
    string Title,
    string Excerpt,
    PlayerName Author,
    IReadOnlyList<string> Tags,
    int ReadingMinutes,
    DateTimeOffset PublishedAt,
    int Views,
    int Reactions,
    int Comments);

/// <summary>One page of a feed; <see cref="Next"/> is null on the last page.</summary>
public sealed record FeedPage(IReadOnlyList<PostSummary> Posts, FeedCursor? Next)
{
    public static FeedPage Empty { get; } = new([], null);
}

/// <summary>A published post as its page shows it.</summary>
public sealed record PostView(
    Guid Id,
    string Slug,
    string Title,
    string Excerpt,
    string Body,
    PlayerName Author,
    IReadOnlyList<string> Tags,
    int ReadingMinutes,
    DateTimeOffset PublishedAt,
    Guid? CoverImageId,
    int Views);

/// <summary>
/// What readers see: the feeds (following, latest, trending), tag pages, an author's posts, and a post's page — only
/// ever published posts that nobody deleted or removed. Every feed pages by key (after the last post shown), never
/// by offset, and reads through an index, so page 500 costs what page 1 costs.
/// </summary>
public sealed class FeedService(IPurrrDbFactory dbFactory)
{
    public const int PageSize = 20;

    /// <summary>
    /// Up to this many candidates (the posts of a rare tag, of the few authors someone follows) are read whole through
    /// their own index and sorted here; more are read newest first through the publishing-date index, stopping after
    /// a page — where they are common enough to fill it soon. Either way a page touches a bounded number of rows
    /// (about the square root of 20 × all posts, at this limit and 100,000 posts).
    /// </summary>
    internal const int SmallSetLimit = 1_500;

    internal sealed record Key(Guid Id, DateTimeOffset PublishedAt, double Score = 0);

    internal sealed record Candidate(Guid Id, DateTimeOffset? PublishedAt, PostStatus Status, DateTimeOffset? DeletedAt);

    public async Task<FeedPage> LatestAsync(FeedCursor? after = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await CardsAsync(db, await NewestAsync(db.Posts.Visible(), after, ct), ct);
    }

    /// <summary>Posts by the authors <paramref name="viewer"/> follows, newest first.</summary>
    public async Task<FeedPage> FollowingAsync(UserId viewer, FeedCursor? after = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var followed = db.Follows.Where(f => f.FollowerId == viewer).Select(f => f.FolloweeId);
        // Counted through the (author, status, published at) index alone, then read whole through it when few.
        var published = db.Posts.Where(p => followed.Contains(p.AuthorId) && p.Status == PostStatus.Published);
        var keys = await published.CountAsync(ct) <= SmallSetLimit
            ? NewestOf(await published.Select(p => new Candidate(p.Id, p.PublishedAt, p.Status, p.DeletedAt)).ToListAsync(ct), after)
            : await NewestAsync(db.Posts.Visible().Where(p => followed.Contains(p.AuthorId)), after, ct);
        return await CardsAsync(db, keys, ct);
    }

    /// <summary>Posts tagged <paramref name="tag"/>, newest first.</summary>
    public async Task<FeedPage> TagAsync(string tag, FeedCursor? after = null, CancellationToken ct = default)
    {
        var normal = NormaliseTag(tag);
        if (normal.Length == 0)
            return FeedPage.Empty;
        await using var db = await dbFactory.CreateAsync(ct);
        // Counted through the tag index alone, then read whole through it when few.
        var keys = await db.PostTags.CountAsync(t => t.Tag == normal, ct) <= SmallSetLimit
            ? NewestOf(await (from t in db.PostTags
                              where t.Tag == normal
                              join p in db.Posts on t.PostId equals p.Id
                              select new Candidate(p.Id, p.PublishedAt, p.Status, p.DeletedAt)).ToListAsync(ct), after)
            : await NewestAsync(db.Posts.Visible().Where(p => db.PostTags.Any(t => t.PostId == p.Id && t.Tag == normal)), after, ct);
        return await CardsAsync(db, keys, ct);
    }

    /// <summary>One author's published posts, newest first (their profile).</summary>
    public async Task<FeedPage> ByAuthorAsync(UserId author, FeedCursor? after = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await CardsAsync(db, await NewestAsync(db.Posts.Visible().Where(p => p.AuthorId == author), after, ct), ct);
    }

    /// <summary>The last week's posts by their trending score (recomputed hourly by <see cref="TrendingService"/>), highest first.</summary>
    public async Task<FeedPage> TrendingAsync(FeedCursor? after = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var scores = db.TrendingScores.AsQueryable();
        if (after is { } cursor)
            scores = scores.Where(s => s.Score <= cursor.Score && (s.Score < cursor.Score || s.PostId < cursor.PostId));
        // Read down the score index, checking each post is still visible (a post removed since the last recompute is skipped).
        var keys = await scores.Where(s => db.Posts.Visible().Any(p => p.Id == s.PostId))
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.PostId)
            .Select(s => new Key(s.PostId, default, s.Score)).Take(PageSize + 1).ToListAsync(ct);
        return await CardsAsync(db, keys, ct);
    }

    /// <summary>A published post by its address, or null when there is none (or it was deleted, removed or held).</summary>
    public async Task<PostView?> PostAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var post = await (from p in db.Posts.AsNoTracking().Visible()
                          where p.Slug == slug
                          join a in db.Players on p.AuthorId equals a.Id
                          select new { p.Id, p.Slug, p.Title, p.Excerpt, p.Body, Author = new PlayerName(a.Id, a.UserName, a.DisplayName), p.ReadingMinutes, p.PublishedAt, p.CoverImageId, p.Views })
            .FirstOrDefaultAsync(ct);
        if (post is null)
            return null;
        var tags = await db.PostTags.Where(t => t.PostId == post.Id).Select(t => t.Tag).OrderBy(t => t).ToListAsync(ct);
        return new PostView(post.Id, post.Slug, post.Title, post.Excerpt, post.Body, post.Author, tags, post.ReadingMinutes, post.PublishedAt!.Value,
            post.CoverImageId, post.Views);
    }

    /// <summary>Counts one reader's visit to a post; returns the new count (0 when the post isn't visible).</summary>
    public async Task<int> CountViewAsync(Guid post, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        // One statement, outside the post's concurrency token: readers never collide with the author's edits.
        if (await db.Posts.Visible().Where(p => p.Id == post).ExecuteUpdateAsync(s => s.SetProperty(p => p.Views, p => p.Views + 1), ct) == 0)
            return 0;
        return await db.Posts.Where(p => p.Id == post).Select(p => p.Views).FirstAsync(ct);
    }

    /// <summary>A tag as stored: trimmed, without a leading '#', lower-case.</summary>
    public static string NormaliseTag(string? tag) => (tag ?? "").Trim().TrimStart('#').Trim().ToLowerInvariant();

    /// <summary>A page of keys, newest first, read in order through the publishing-date index.</summary>
    private static async Task<IReadOnlyList<Key>> NewestAsync(IQueryable<Post> posts, FeedCursor? after, CancellationToken ct)
    {
        if (after is { } cursor)
            posts = posts.Where(p => p.PublishedAt <= cursor.PublishedAt && (p.PublishedAt < cursor.PublishedAt || p.Id < cursor.PostId));
        return await posts.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Select(p => new Key(p.Id, p.PublishedAt!.Value, 0)).Take(PageSize + 1).ToListAsync(ct);
    }

    /// <summary>
    /// The same page from a small candidate set already in memory: the visible ones, newest first (ties by id), after
    /// the cursor, one more than a page (which says a next page exists).
    /// </summary>
    internal static List<Key> NewestOf(IEnumerable<Candidate> candidates, FeedCursor? after) =>
        [.. candidates
            .Where(c => c is { Status: PostStatus.Published, DeletedAt: null, PublishedAt: not null })
            .Select(c => new Key(c.Id, c.PublishedAt!.Value))
            .Where(k => after is null || k.PublishedAt < after.PublishedAt || (k.PublishedAt == after.PublishedAt && k.Id.CompareTo(after.PostId) < 0))
            .OrderByDescending(k => k.PublishedAt).ThenByDescending(k => k.Id)
            .Take(PageSize + 1)];

    /// <summary>The cards of a page of keys (one more than a page means there is a next page).</summary>
    private static async Task<FeedPage> CardsAsync(IPurrrDb db, IReadOnlyList<Key> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
            return FeedPage.Empty;
        var page = keys.Take(PageSize).ToList();
        var ids = page.Select(k => k.Id).ToList();
        var rows = await (from p in db.Posts.AsNoTracking()
                          where ids.Contains(p.Id)
                          join a in db.Players on p.AuthorId equals a.Id
                          select new
                          {
                              p.Id, p.Slug, p.Title, p.Excerpt, Author = new PlayerName(a.Id, a.UserName, a.DisplayName), p.ReadingMinutes, p.PublishedAt, p.Views,
                              Reactions = db.Reactions.Count(r => r.TargetKind == ReactionTarget.Post && r.TargetId == p.Id),
                              Comments = db.Comments.Count(c => c.PostId == p.Id && c.DeletedAt == null && !c.Removed),
                          }).ToDictionaryAsync(r => r.Id, ct);
        var tags = (await db.PostTags.Where(t => ids.Contains(t.PostId)).ToListAsync(ct)).ToLookup(t => t.PostId, t => t.Tag);
        var cards = page.Where(k => rows.ContainsKey(k.Id)).Select(k =>
        {
            var r = rows[k.Id];
            return new PostSummary(r.Id, r.Slug, r.Title, r.Excerpt, r.Author, [.. tags[k.Id].Order(StringComparer.Ordinal)], r.ReadingMinutes, r.PublishedAt!.Value,
                r.Views, r.Reactions, r.Comments);
        }).ToList();
        var last = page[^1];
        return new FeedPage(cards, keys.Count > PageSize ? new FeedCursor(last.PublishedAt, last.Id, last.Score) : null);
    }
}
