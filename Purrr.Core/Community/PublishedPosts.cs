namespace Purrr.Core.Community;

/// <summary>
/// The posts readers may see: published and not deleted. Removed and held posts (moderation), drafts, scheduled and
/// archived posts stay out of every feed, tag page and post page.
/// </summary>
internal static class PublishedPosts
{
    public static IQueryable<Post> Visible(this IQueryable<Post> posts) =>
        posts.Where(p => p.Status == PostStatus.Published && p.DeletedAt == null);
}
