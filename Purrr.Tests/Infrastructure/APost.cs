using Purrr.Core.Common;
using Purrr.Core.Community;

namespace Purrr.Tests.Infrastructure;

/// <summary>Builds community posts for tests, published by default: <c>APost.By(luna).Titled("Naps").Tagged("sleep").Build()</c>.</summary>
public sealed class APost
{
    private static int made;

    private readonly UserId author;
    private string title = "A day with Mochi";
    private string body = "Mochi slept in the sun all afternoon.";
    private string excerpt = "Sun, naps and a very content cat.";
    private string[] tags = [];
    private string? slug;
    private DateTimeOffset publishedAt = TestClock.Noon;
    private PostStatus status = PostStatus.Published;
    private bool deleted;
    private int views;

    private APost(UserId author) => this.author = author;

    public static APost By(UserId author) => new(author);

    public APost Titled(string value) { title = value; return this; }
    public APost WithBody(string value) { body = value; return this; }
    public APost WithExcerpt(string value) { excerpt = value; return this; }
    public APost Tagged(params string[] value) { tags = value; return this; }
    public APost WithSlug(string value) { slug = value; return this; }
    public APost PublishedAt(DateTimeOffset value) { publishedAt = value; return this; }
    public APost WithStatus(PostStatus value) { status = value; return this; }
    public APost DeletedByAuthor() { deleted = true; return this; }
    public APost WithViews(int value) { views = value; return this; }

    public Post Build()
    {
        var post = Post.Create(author, slug ?? $"{Slugged(title)}-{Interlocked.Increment(ref made):x5}", publishedAt);
        post.SetContent(title, body, excerpt, null, tags, Math.Max(1, (int)Math.Ceiling(body.Split(' ').Length / 200.0)), publishedAt);
        post.SetStatus(PostStatus.Published, publishedAt); // sets PublishedAt; a post held or removed later keeps it
        if (status != PostStatus.Published)
            post.SetStatus(status, publishedAt);
        for (var i = 0; i < views; i++)
            post.CountView();
        if (deleted)
            post.SoftDelete(publishedAt);
        return post;
    }

    private static string Slugged(string text) =>
        string.Concat(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
}

public static class PostStore
{
    /// <summary>Stores posts built with <see cref="APost"/>.</summary>
    public static async Task<Post[]> AddPostsAsync(this TestDatabase database, params Post[] posts)
    {
        await using var context = database.NewContext();
        context.Posts.AddRange(posts);
        await context.SaveChangesAsync();
        return posts;
    }
}
