using Microsoft.EntityFrameworkCore;
using Purrr.Core.Community;
using Purrr.Core.Search;

namespace Purrr.Data.Search;

/// <summary>
/// Post search on SQL Server: CONTAINS when the Posts table has a full-text index, otherwise LIKE on title, excerpt and
/// body (every word somewhere in the post). Title matches first, then the newest; highlighting is done here.
/// </summary>
public sealed class SqlServerPostSearch(IDbContextFactory<PurrrDbContext> contexts, bool? useFullText = null) : IPostSearch
{
    private bool? fullText = useFullText;

    public async Task<IReadOnlyList<PostHit>> SearchAsync(SearchTerms terms, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        fullText ??= await HasFullTextIndexAsync(db, ct);
        var rows = await Query(db, terms, fullText.Value, skip, take).ToListAsync(ct);
        return [.. rows.Select(r => new PostHit(r.Id, r.Slug, HighlightedText.Mark(r.Title, terms.Words),
            HighlightedText.Snippet(MatchingPassage(r, terms.Words), terms.Words), r.AuthorId, r.AuthorUserName, r.AuthorDisplayName, r.PublishedAt))];
    }

    /// <summary>The query either way, so that tests can read the SQL it makes without a server.</summary>
    public static IQueryable<PostRow> Query(PurrrDbContext db, SearchTerms terms, bool fullText, int skip, int take)
    {
        var posts = db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Published && p.DeletedAt == null);
        for (var i = 0; i < terms.Words.Count; i++)
        {
            if (fullText)
            {
                var condition = terms.ToContainsCondition(i);
                posts = posts.Where(p => EF.Functions.Contains(p.Title, condition) || EF.Functions.Contains(p.Excerpt, condition)
                    || EF.Functions.Contains(p.Body, condition));
            }
            else
            {
                var pattern = SearchTerms.ToLikePattern(terms.Words[i]);
                posts = posts.Where(p => EF.Functions.Like(p.Title, pattern, SearchTerms.LikeEscape) || EF.Functions.Like(p.Excerpt, pattern, SearchTerms.LikeEscape)
                    || EF.Functions.Like(p.Body, pattern, SearchTerms.LikeEscape));
            }
        }
        var first = SearchTerms.ToLikePattern(terms.Words[0]);
        return posts
            .OrderBy(p => EF.Functions.Like(p.Title, first, SearchTerms.LikeEscape) ? 0 : 1)
            .ThenByDescending(p => p.PublishedAt)
            .Skip(skip)
            .Take(take)
            .Join(db.Players, p => p.AuthorId, a => a.Id, (p, a) => new PostRow(p.Id, p.Slug, p.Title, p.Excerpt, p.Body, p.AuthorId, a.UserName, a.DisplayName, p.PublishedAt));
    }

    private static string MatchingPassage(PostRow row, IReadOnlyList<string> words) =>
        words.Any(w => row.Body.Contains(w, StringComparison.OrdinalIgnoreCase)) || !words.Any(w => row.Excerpt.Contains(w, StringComparison.OrdinalIgnoreCase))
            ? row.Body
            : row.Excerpt;

    private static async Task<bool> HasFullTextIndexAsync(PurrrDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<int>(
            "SELECT CAST(ISNULL(OBJECTPROPERTY(OBJECT_ID('Posts'), 'TableHasActiveFulltextIndex'), 0) AS int) AS Value").SingleAsync(ct) == 1;

    public sealed record PostRow(Guid Id, string Slug, string Title, string Excerpt, string Body, Core.Common.UserId AuthorId,
        string AuthorUserName, string AuthorDisplayName, DateTimeOffset? PublishedAt);
}
