using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Community;

namespace Purrr.Tests.Infrastructure;

/// <summary>Posts and comments stored straight through the context, as the editor and comment box would leave them.</summary>
public static class ModerationFixtures
{
    public static async Task<Post> AddPostAsync(this TestDatabase database, UserId author, string title, string body,
        PostStatus status = PostStatus.Published, string excerpt = "", DateTimeOffset? at = null)
    {
        await using var context = database.NewContext();
        return await context.AddPostAsync(author, title, body, status, excerpt, at);
    }

    /// <summary>Adds a post to <paramref name="context"/> and saves it (for the app's own context in browser tests).</summary>
    public static async Task<Post> AddPostAsync(this Purrr.Data.PurrrDbContext context, UserId author, string title, string body,
        PostStatus status = PostStatus.Published, string excerpt = "", DateTimeOffset? at = null)
    {
        var now = at ?? TestClock.Noon;
        var slug = Slug(title);
        var post = Post.Create(author, $"{slug}-{Guid.NewGuid():N}"[..(slug.Length + 9)], now); // title slug + short suffix
        post.SetContent(title, body, excerpt, null, [], Math.Max(1, (body.Split(' ').Length + 199) / 200), now);
        post.SetStatus(status, now);
        context.Posts.Add(post);
        await context.SaveChangesAsync();
        return post;
    }

    public static async Task<Comment> AddCommentAsync(this TestDatabase database, Guid post, UserId author, string body)
    {
        await using var context = database.NewContext();
        var comment = Comment.Create(post, null, author, body, TestClock.Noon);
        context.Comments.Add(comment);
        await context.SaveChangesAsync();
        return comment;
    }

    /// <summary>Changes a post's body the way an edit does (the search index follows through its triggers).</summary>
    public static async Task EditPostAsync(this TestDatabase database, Guid id, string body)
    {
        await using var context = database.NewContext();
        var post = await context.Posts.Include(p => p.Tags).FirstAsync(p => p.Id == id);
        post.SetContent(post.Title, body, post.Excerpt, post.CoverImageId, [.. post.Tags.Select(t => t.Tag)], post.ReadingMinutes, TestClock.Noon);
        await context.SaveChangesAsync();
    }

    public static async Task<Post> FindPostAsync(this TestDatabase database, Guid id)
    {
        await using var context = database.NewContext();
        return await context.Posts.AsNoTracking().FirstAsync(p => p.Id == id);
    }

    private static string Slug(string title) =>
        new string([.. title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-') is { Length: > 0 } slug ? slug : "post";
}
