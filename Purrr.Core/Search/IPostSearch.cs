using Purrr.Core.Common;

namespace Purrr.Core.Search;

/// <summary>
/// Full-text search over visible posts (published, not deleted), best match first. Each database has its own
/// (Purrr.Data: SQLite FTS5, SQL Server CONTAINS or LIKE).
/// </summary>
public interface IPostSearch
{
    Task<IReadOnlyList<PostHit>> SearchAsync(SearchTerms terms, int skip, int take, CancellationToken ct = default);
}

/// <summary>One post found: its title and a passage of it with the searched words highlighted.</summary>
public sealed record PostHit(
    Guid Id,
    string Slug,
    HighlightedText Title,
    HighlightedText Snippet,
    UserId AuthorId,
    string AuthorUserName,
    string AuthorDisplayName,
    DateTimeOffset? PublishedAt);

/// <summary>One player found by user name or display name.</summary>
public sealed record PlayerHit(UserId Id, string UserName, HighlightedText UserNameHighlighted, HighlightedText DisplayName);

/// <summary>A page of posts found; <see cref="HasMore"/> when another page follows.</summary>
public sealed record PostResults(IReadOnlyList<PostHit> Hits, bool HasMore);

/// <summary>What a search found: the first page of posts and the matching players.</summary>
public sealed record SearchResults(SearchTerms Terms, PostResults Posts, IReadOnlyList<PlayerHit> Players);
