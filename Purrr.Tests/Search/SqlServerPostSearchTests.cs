using Microsoft.EntityFrameworkCore;
using Purrr.Core.Community;
using Purrr.Core.Search;
using Purrr.Data;
using Purrr.Data.Search;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Search;

/// <summary>
/// The SQL Server search. No server runs here: the CONTAINS query is checked as SQL, and the LIKE fallback (the same
/// LINQ on every provider) runs for real on SQLite.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SqlServerPostSearchTests : ServiceTestBase
{
    private static SqlServerPurrrDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerPurrrDbContext>().UseSqlServer("Server=nowhere;Database=Purrr;Trusted_Connection=True").Options);

    [Fact]
    public void With_a_full_text_index_every_word_is_a_quoted_contains_term_over_title_excerpt_and_body()
    {
        using var db = SqlServerContext();
        var terms = SearchTerms.Parse("black \"OR\" cat").Value;

        var sql = SqlServerPostSearch.Query(db, terms, fullText: true, 0, 21).ToQueryString();

        foreach (var column in new[] { "Title", "Excerpt", "Body" })
            Assert.Contains($"CONTAINS([p].[{column}], @", sql);
        Assert.Contains("N'\"black\"'", sql);
        Assert.Contains("N'\"or\"'", sql);
        Assert.Contains("N'\"cat\"'", sql);
        Assert.Contains("[p].[Status] = N'Published'", sql);
        Assert.Contains("[p].[DeletedAt] IS NULL", sql);
        Assert.DoesNotContain("LIKE", sql.Replace("[p].[Title] LIKE", "")); // LIKE only orders title matches first
    }

    [Fact]
    public void Without_one_each_word_is_an_escaped_like_pattern()
    {
        using var db = SqlServerContext();

        var sql = SqlServerPostSearch.Query(db, SearchTerms.Parse("tuna").Value, fullText: false, 20, 21).ToQueryString();

        Assert.Contains("[p].[Body] LIKE @", sql);
        Assert.Contains("ESCAPE N'\\'", sql);
        Assert.Contains("N'%tuna%'", sql);
        Assert.DoesNotContain("CONTAINS", sql);
    }

    [Fact]
    public async Task The_like_fallback_finds_visible_posts_by_a_body_word_with_highlights()
    {
        var luna = await NewPlayerAsync("luna");
        await Database.AddPostAsync(luna, "Kitten diary", "She chased the laser pointer for an hour.");
        await Database.AddPostAsync(luna, "Gone", "Another laser story.", PostStatus.Removed);
        var search = new SqlServerPostSearch(Database.Contexts, useFullText: false);

        var hit = Assert.Single(await search.SearchAsync(SearchTerms.Parse("Laser").Value, 0, 20));

        Assert.Equal("Kitten diary", hit.Title.Plain);
        Assert.Equal("She chased the <mark>laser</mark> pointer for an hour.", hit.Snippet.Html);
    }
}
