namespace Purrr.Core.Community;

/// <summary>Where community things live in the app (app-relative, as notifications and links store them).</summary>
public static class PostLinks
{
    public const string Community = "community";

    public static string Post(string slug) => $"community/posts/{Uri.EscapeDataString(slug)}";

    /// <summary>A comment on its post's page (its anchor is <see cref="CommentAnchor"/>).</summary>
    public static string Comment(string slug, Guid comment) => $"{Post(slug)}#{CommentAnchor(comment)}";

    public static string CommentAnchor(Guid comment) => $"comment-{comment:N}";

    public static string Tag(string tag) => $"community/tags/{Uri.EscapeDataString(tag)}";
}
