using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Persistence;
using Purrr.Core.Security;

namespace Purrr.Core.Search;

/// <summary>Searches posts and players, at most <see cref="SearchesPerMinute"/> times a minute per searcher (spec §2).</summary>
public sealed class SearchService(IPurrrDbFactory dbFactory, IPostSearch posts, TimeProvider clock, RateLimits? rateLimits = null)
{
    public static int SearchesPerMinute => RateLimitPolicy.Searches.Limit;
    public const int PostsPerPage = 20;
    public const int MaxPlayers = 20;

    private readonly RateLimits limits = rateLimits ?? new RateLimits(clock);

    /// <summary>
    /// The first page of posts and the players matching <paramref name="query"/>. <paramref name="searcher"/> is the
    /// player, or a key of the visitor's tab: the rate limit counts per searcher.
    /// </summary>
    public async Task<Result<SearchResults>> SearchAsync(UserId searcher, string? query, CancellationToken ct = default)
    {
        var terms = SearchTerms.Parse(query);
        if (!terms.Succeeded)
            return Result<SearchResults>.Failure(terms.Problems);
        if (Admit(searcher) is { } slowDown)
            return Result<SearchResults>.Failure(slowDown.Message);
        var found = await PostsAsync(terms.Value, 0, ct);
        var players = await PlayersAsync(terms.Value, ct);
        return new SearchResults(terms.Value, found, players);
    }

    /// <summary>The next page of posts ("Show more"); counts as a search.</summary>
    public async Task<Result<PostResults>> MorePostsAsync(UserId searcher, string? query, int skip, CancellationToken ct = default)
    {
        var terms = SearchTerms.Parse(query);
        if (!terms.Succeeded)
            return Result<PostResults>.Failure(terms.Problems);
        if (Admit(searcher) is { } slowDown)
            return Result<PostResults>.Failure(slowDown.Message);
        return await PostsAsync(terms.Value, Math.Max(0, skip), ct);
    }

    private async Task<PostResults> PostsAsync(SearchTerms terms, int skip, CancellationToken ct)
    {
        var hits = await posts.SearchAsync(terms, skip, PostsPerPage + 1, ct); // one more tells whether a next page exists
        return new PostResults([.. hits.Take(PostsPerPage)], hits.Count > PostsPerPage);
    }

    /// <summary>Players whose user name or display name contains every word; exact user names first.</summary>
    private async Task<IReadOnlyList<PlayerHit>> PlayersAsync(SearchTerms terms, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var players = db.Players.AsNoTracking();
        foreach (var word in terms.Words)
        {
            var pattern = SearchTerms.ToLikePattern(word);
            players = players.Where(p => EF.Functions.Like(p.UserName, pattern, SearchTerms.LikeEscape)
                || EF.Functions.Like(p.DisplayName, pattern, SearchTerms.LikeEscape));
        }
        var exact = terms.Words[0];
        var found = await players
            .OrderBy(p => p.UserName.ToLower() == exact ? 0 : 1)
            .ThenBy(p => p.UserName)
            .Take(MaxPlayers)
            .Select(p => new { p.Id, p.UserName, p.DisplayName })
            .ToListAsync(ct);
        return [.. found.Select(p => new PlayerHit(p.Id, p.UserName, HighlightedText.Mark(p.UserName, terms.Words), HighlightedText.Mark(p.DisplayName, terms.Words)))];
    }

    /// <summary>How many searchers the rate limit remembers (those who searched in the last minute or so).</summary>
    public int TrackedSearchers => limits.Tracked(RateLimitPolicy.Searches);

    private Problem? Admit(UserId searcher) => limits.TryAct(RateLimitPolicy.Searches, searcher);
}
