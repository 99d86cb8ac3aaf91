using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Search;

namespace Purrr.Data.Search;

/// <summary>
/// Post search on SQLite: the FTS5 table <c>PostSearch</c>, which holds exactly the visible posts (triggers on Posts, see
/// the Search migration), ranked by bm25 with the title weighing most. A word found in very many posts ranks only the
/// <see cref="RankedWindow"/> most recently written of them, so a search for "cat" costs the same at 100,000 posts as at
/// 5,000; highlights are made for the page's rows only.
/// </summary>
public sealed class SqlitePostSearch(IDbContextFactory<PurrrDbContext> contexts, int rankedWindow = SqlitePostSearch.RankedWindow) : IPostSearch
{
    /// <summary>How many of the newest matches are ranked (and so how deep "Show more" can go).</summary>
    public const int RankedWindow = 2_000;

    // Columns of PostSearch: 0 PostId, 1 Title, 2 Excerpt, 3 Body. char(57344)/char(57345) are HighlightedText's markers.
    // CROSS JOIN keeps SQLite's join order: the ranked page first, then one FTS row, post and author per result.
    internal const string Sql = """
        WITH ranked AS (
            SELECT rowid AS SearchRow, bm25(PostSearch, 0.0, 10.0, 4.0, 1.0) AS Score
            FROM PostSearch
            WHERE PostSearch MATCH $match
              AND rowid >= ifnull((SELECT rowid FROM PostSearch WHERE PostSearch MATCH $match ORDER BY rowid DESC LIMIT 1 OFFSET $window - 1), 0)
            ORDER BY Score
            LIMIT $take OFFSET $skip
        )
        SELECT p.Id, p.Slug, p.PublishedAt, a.Id, a.UserName, a.DisplayName,
               highlight(PostSearch, 1, char(57344), char(57345)),
               highlight(PostSearch, 2, char(57344), char(57345)),
               snippet(PostSearch, 3, char(57344), char(57345), '…', 32)
        FROM ranked
        CROSS JOIN PostSearch ON PostSearch.rowid = ranked.SearchRow
        CROSS JOIN Posts p ON p.Id = PostSearch.PostId
        CROSS JOIN Players a ON a.Id = p.AuthorId
        WHERE PostSearch MATCH $match AND p.Status = $published AND p.DeletedAt IS NULL
        ORDER BY ranked.Score
        """;

    private static readonly UtcInstantConverter Instants = new();

    public async Task<IReadOnlyList<PostHit>> SearchAsync(SearchTerms terms, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Sql;
        Add(command, "$match", terms.ToFtsMatch());
        Add(command, "$published", nameof(PostStatus.Published));
        Add(command, "$window", rankedWindow);
        Add(command, "$take", take);
        Add(command, "$skip", skip);

        var hits = new List<PostHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var excerpt = reader.IsDBNull(7) ? "" : reader.GetString(7);
            var body = reader.IsDBNull(8) ? "" : reader.GetString(8);
            // The passage: where the body matched; else the excerpt if it did; else the start of the body.
            var passage = body.Contains(HighlightedText.Open) || !excerpt.Contains(HighlightedText.Open) ? body : excerpt;
            hits.Add(new PostHit(
                Guid.Parse(reader.GetString(0)),
                reader.GetString(1),
                HighlightedText.FromMarked(reader.GetString(6)),
                HighlightedText.FromMarked(HighlightedText.StripMarkdown(passage)),
                new UserId(Guid.Parse(reader.GetString(3))),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(2) ? null : (DateTimeOffset)Instants.ConvertFromProvider(reader.GetInt64(2))!));
        }
        return hits;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
