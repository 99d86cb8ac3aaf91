using Purrr.Core.Common;

namespace Purrr.Core.Community;

/// <summary>Where a post is in its life (spec §8). <see cref="Held"/>: the content scorer flagged it; a moderator decides.</summary>
public enum PostStatus { Draft, Scheduled, Published, Archived, Removed, Held }

/// <summary>A community post: Markdown body, tags, optional cover image; soft-deleted, never erased.</summary>
public sealed class Post
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 10_000;
    public const int ExcerptMaxLength = 300;
    public const int MaxTags = 5;
    public const int TagMaxLength = 30;
    public const int SlugMaxLength = 230;

    private Post() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId AuthorId { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Title slug + short random suffix; unique, the post's address.</summary>
    public string Slug { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string Excerpt { get; private set; } = "";
    public Guid? CoverImageId { get; private set; }
    public PostStatus Status { get; private set; }
    public int ReadingMinutes { get; private set; }
    public int Views { get; private set; }

    /// <summary>The offline scorer's verdict (0–1) when last saved for publishing.</summary>
    public double ModerationScore { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? ScheduledFor { get; private set; }

    /// <summary>Soft delete by the author: gone from every list, kept for moderation and export.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Optimistic concurrency: an autosave and a publish racing on one post cannot both win.</summary>
    public int Version { get; private set; }

    public List<PostTag> Tags { get; private set; } = [];

    public bool IsVisible => Status == PostStatus.Published && DeletedAt is null;

    internal static Post Create(UserId author, string slug, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AuthorId = author,
        Slug = slug,
        Status = PostStatus.Draft,
        CreatedAt = now,
        UpdatedAt = now,
    };

    internal void SetContent(string title, string body, string excerpt, Guid? coverImage, IReadOnlyList<string> tags, int readingMinutes, DateTimeOffset now)
    {
        Title = title;
        Body = body;
        Excerpt = excerpt;
        CoverImageId = coverImage;
        ReadingMinutes = readingMinutes;
        Tags.RemoveAll(t => !tags.Contains(t.Tag));
        foreach (var tag in tags.Where(t => Tags.All(existing => existing.Tag != t)))
            Tags.Add(new PostTag(Id, tag));
        UpdatedAt = now;
        Version++;
    }

    internal void SetStatus(PostStatus status, DateTimeOffset now, DateTimeOffset? scheduledFor = null, double? score = null)
    {
        Status = status;
        ScheduledFor = status == PostStatus.Scheduled ? scheduledFor : null;
        if (status == PostStatus.Published)
            PublishedAt ??= now;
        if (score is { } s)
            ModerationScore = s;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>A post that has been out for readers (published, or held on the way there) keeps its address.</summary>
    public bool HasGoneOut => PublishedAt is not null || Status is PostStatus.Held or PostStatus.Removed;

    /// <summary>A draft's address follows its title until it goes out.</summary>
    internal void SetSlug(string slug) => Slug = slug;

    internal void SoftDelete(DateTimeOffset now)
    {
        DeletedAt ??= now;
        Version++;
    }

    internal void CountView() => Views++;
}

/// <summary>One tag of a post: trimmed, lower-case, unique per post.</summary>
public sealed class PostTag(Guid postId, string tag)
{
    public Guid PostId { get; private set; } = postId;
    public string Tag { get; private set; } = tag;
}

/// <summary>
/// What the editor holds right now, saved 2 s after the last keystroke, so nothing typed is lost: one per author and
/// post (<see cref="PostId"/> null for a post not saved yet). Removed when the post is saved or the draft discarded.
/// </summary>
public sealed class EditorDraft
{
    private EditorDraft() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId AuthorId { get; private set; }
    public Guid? PostId { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string Excerpt { get; private set; } = "";

    /// <summary>Tags as typed, comma-separated.</summary>
    public string Tags { get; private set; } = "";
    public Guid? CoverImageId { get; private set; }
    public DateTimeOffset SavedAt { get; private set; }

    public const int TagsMaxLength = 500;

    private static string Cut(string? text, int length) => text is null ? "" : text.Length > length ? text[..length] : text;

    internal static EditorDraft Start(UserId author, Guid? post) => new() { Id = Guid.CreateVersion7(), AuthorId = author, PostId = post };

    /// <summary>The columns hold twice each limit, so text over a limit is still kept while the author trims it.</summary>
    internal void Keep(string title, string body, string excerpt, string tags, Guid? cover, DateTimeOffset now)
    {
        Title = Cut(title, Post.TitleMaxLength * 2);
        Body = Cut(body, Post.BodyMaxLength * 2);
        Excerpt = Cut(excerpt, Post.ExcerptMaxLength * 2);
        Tags = Cut(tags, TagsMaxLength);
        CoverImageId = cover;
        SavedAt = now;
    }
}

/// <summary>An uploaded image, checked and re-encoded; the file lives under the data folder, named by <see cref="Id"/>.</summary>
public sealed class StoredImage
{
    public const long MaxUploadBytes = 5 * 1024 * 1024;
    public const int MaxWidth = 1920;
    public const int MaxHeight = 1080;

    private StoredImage() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId OwnerId { get; private set; }
    public string ContentType { get; private set; } = "";
    public int Width { get; private set; }
    public int Height { get; private set; }
    public long Bytes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static StoredImage Create(Guid id, UserId owner, string contentType, int width, int height, long bytes, DateTimeOffset now) => new()
    {
        Id = id, OwnerId = owner, ContentType = contentType, Width = width, Height = height, Bytes = bytes, CreatedAt = now,
    };
}
