using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Search;
using Purrr.Data;
using Purrr.Data.Search;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Search;

/// <summary>Search over a real migrated SQLite database: the FTS5 index, its triggers, and what may be found.</summary>
[Trait("Category", "Integration")]
public sealed class SearchServiceTests : ServiceTestBase
{
    private SearchService Search => search ??= new SearchService(Database.Factory, new SqlitePostSearch(Database.Contexts), Clock);
    private SearchService? search;

    private async Task<IReadOnlyList<string>> TitlesFoundAsync(string query, UserId? searcher = null)
    {
        var found = await Search.SearchAsync(searcher ?? UserId.New(), query);
        Assert.True(found.Succeeded, found.FirstMessage);
        return [.. found.Value.Posts.Hits.Select(h => h.Title.Plain)];
    }

    [Fact]
    public async Task A_post_is_found_by_a_word_of_its_body_with_the_word_highlighted()
    {
        var luna = await NewPlayerAsync("luna");
        await Database.AddPostAsync(luna, "Morning routine", "Biscuit waits by the bowl and then naps on the windowsill.");
        await Database.AddPostAsync(luna, "Toys", "Feathers and a ball of yarn.");

        var found = (await Search.SearchAsync(luna, "windowsill")).Value.Posts.Hits;

        var hit = Assert.Single(found);
        Assert.Equal("Morning routine", hit.Title.Plain);
        Assert.Contains("<mark>windowsill</mark>", hit.Snippet.Html);
        Assert.Equal(("luna", "luna"), (hit.AuthorUserName, hit.AuthorDisplayName));
        Assert.Equal(TestClock.Noon, hit.PublishedAt);
    }

    [Theory]
    [InlineData(PostStatus.Removed)]
    [InlineData(PostStatus.Held)]
    [InlineData(PostStatus.Draft)]
    [InlineData(PostStatus.Scheduled)]
    [InlineData(PostStatus.Archived)]
    public async Task Posts_that_are_not_published_are_never_found(PostStatus status)
    {
        var luna = await NewPlayerAsync("luna");
        await Database.AddPostAsync(luna, "Hidden", "A marmalade secret.", status);
        await Database.AddPostAsync(luna, "Shown", "A marmalade story.");

        Assert.Equal(["Shown"], await TitlesFoundAsync("marmalade"));
    }

    [Fact]
    public async Task A_deleted_post_and_a_post_removed_after_publishing_disappear_from_results()
    {
        var luna = await NewPlayerAsync("luna");
        var deleted = await Database.AddPostAsync(luna, "Deleted", "Tortoiseshell notes.");
        var removed = await Database.AddPostAsync(luna, "Removed", "Tortoiseshell tales.");
        Assert.Equal(2, (await TitlesFoundAsync("tortoiseshell")).Count);

        await using (var db = Database.NewContext())
        {
            (await db.Posts.FirstAsync(p => p.Id == deleted.Id)).SoftDelete(TestClock.Noon);
            (await db.Posts.FirstAsync(p => p.Id == removed.Id)).SetStatus(PostStatus.Removed, TestClock.Noon);
            await db.SaveChangesAsync();
        }

        Assert.Empty(await TitlesFoundAsync("tortoiseshell"));
    }

    [Fact]
    public async Task After_an_edit_the_new_word_finds_the_post_and_the_old_one_no_longer_does()
    {
        var luna = await NewPlayerAsync("luna");
        var post = await Database.AddPostAsync(luna, "Dinner", "Tonight: salmon.");
        Assert.Equal(["Dinner"], await TitlesFoundAsync("salmon"));

        await Database.EditPostAsync(post.Id, "Tonight: sardines.");

        Assert.Equal(["Dinner"], await TitlesFoundAsync("sardines"));
        Assert.Empty(await TitlesFoundAsync("salmon"));
    }

    [Fact]
    public async Task Title_matches_rank_above_body_matches_and_plurals_match()
    {
        var luna = await NewPlayerAsync("luna");
        await Database.AddPostAsync(luna, "A long day", "We talked about whiskers for a while, then slept.");
        await Database.AddPostAsync(luna, "Whiskers care", "Never trim them.");

        Assert.Equal(["Whiskers care", "A long day"], await TitlesFoundAsync("whisker"));
    }

    [Fact]
    public async Task Every_word_is_required_and_an_excerpt_match_shows_the_excerpt()
    {
        var luna = await NewPlayerAsync("luna");
        await Database.AddPostAsync(luna, "Vet visit", "All fine.", excerpt: "A calm ginger tom at the vet");
        await Database.AddPostAsync(luna, "Ginger only", "Just ginger.");

        var hit = Assert.Single((await Search.SearchAsync(luna, "ginger calm")).Value.Posts.Hits);

        Assert.Equal("Vet visit", hit.Title.Plain);
        Assert.Equal("A <mark>calm</mark> <mark>ginger</mark> tom at the vet", hit.Snippet.Html);
    }

    [Theory]
    [InlineData("cat\" OR \"dog")]
    [InlineData("\"")]
    [InlineData("NEAR(cat dog)")]
    [InlineData("Title:cat")]
    [InlineData("cat* AND -dog")]
    [InlineData("'); DELETE FROM Posts; --")]
    public async Task Operators_and_quotes_typed_by_a_player_neither_break_the_search_nor_widen_it(string query)
    {
        var luna = await NewPlayerAsync("luna");
        await Database.AddPostAsync(luna, "Dogs", "Only a dog here.");

        var found = await Search.SearchAsync(luna, query);

        // Each input is only words now: it finds nothing (no post has all its words), refuses nicely, or throws nothing.
        Assert.True(found.Succeeded ? found.Value.Posts.Hits.Count == 0 : found.FirstMessage == "Type a word to search for.");
        await using var db = Database.NewContext();
        Assert.Equal(1, await db.Posts.CountAsync());
    }

    [Fact]
    public async Task Results_come_twenty_at_a_time_with_more_after()
    {
        var luna = await NewPlayerAsync("luna");
        for (var i = 0; i < 25; i++)
            await Database.AddPostAsync(luna, $"Nap {i}", "A long nap in the sun.");

        var first = (await Search.SearchAsync(luna, "nap")).Value.Posts;
        var second = (await Search.MorePostsAsync(luna, "nap", first.Hits.Count)).Value;

        Assert.Equal((20, true), (first.Hits.Count, first.HasMore));
        Assert.Equal((5, false), (second.Hits.Count, second.HasMore));
        Assert.Empty(first.Hits.Select(h => h.Id).Intersect(second.Hits.Select(h => h.Id)));
    }

    [Fact]
    public async Task Players_are_found_by_user_name_or_display_name_exact_user_name_first()
    {
        var luna = await NewPlayerAsync("luna");
        await NewPlayerAsync("lunatic");
        var other = await NewPlayerAsync("mo");
        await using (var db = Database.NewContext())
        {
            (await db.Players.FirstAsync(p => p.Id == other)).UpdateProfile(new("Moon Luna", null, "UTC"));
            await db.SaveChangesAsync();
        }

        var players = (await Search.SearchAsync(luna, "LUNA")).Value.Players;

        Assert.Equal(["luna", "lunatic", "mo"], players.Select(p => p.UserName));
        Assert.Equal("Moon <mark>Luna</mark>", players[2].DisplayName.Html);
        Assert.Equal("<mark>luna</mark>tic", players[1].UserNameHighlighted.Html);
    }

    [Fact]
    public async Task The_101st_search_within_a_minute_is_refused_with_a_clear_message_and_a_minute_later_it_works()
    {
        var luna = await NewPlayerAsync("luna");
        for (var i = 0; i < SearchService.SearchesPerMinute; i++)
        {
            Assert.True((await Search.SearchAsync(luna, "tuna")).Succeeded);
            Clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        var refused = await Search.SearchAsync(luna, "tuna");

        Assert.Equal("Slow down: at most 100 searches a minute. Try again in 50 s.", refused.FirstMessage);
        Assert.True((await Search.SearchAsync(UserId.New(), "tuna")).Succeeded); // others are not held up
        Assert.False((await Search.MorePostsAsync(luna, "tuna", 20)).Succeeded);  // "more" counts too
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Search.SearchAsync(luna, "tuna")).Succeeded);
    }

    [Fact]
    public async Task An_empty_search_is_refused_without_counting_against_the_limit()
    {
        var luna = await NewPlayerAsync("luna");

        for (var i = 0; i < SearchService.SearchesPerMinute; i++)
            Assert.Equal("Type a word to search for.", (await Search.SearchAsync(luna, "  ")).FirstMessage);

        Assert.True((await Search.SearchAsync(luna, "tuna")).Succeeded);
    }

    [Fact]
    public async Task Searchers_idle_for_a_minute_are_forgotten_so_visitors_tabs_do_not_pile_up()
    {
        for (var i = 0; i < 3; i++)
            await Search.SearchAsync(UserId.New(), "tuna");
        Assert.Equal(3, Search.TrackedSearchers);

        Clock.Advance(TimeSpan.FromMinutes(2));
        await Search.SearchAsync(UserId.New(), "tuna");

        Assert.Equal(1, Search.TrackedSearchers);
    }
}
